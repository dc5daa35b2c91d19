/**
 * Experiment kinds and the two contracts the Spark adapter runs them by: {@link
 * io.symsweep.experiment.IndependentExperiment} (one pure function per configuration) and {@link
 * io.symsweep.experiment.TwoStageExperiment} (artefacts produced once, then probed). Each kind declares its spec fields
 * as constants, parses a configuration once into a typed record (e.g. {@link io.symsweep.experiment.BarrierSettings},
 * {@link io.symsweep.experiment.MinimumSettings}) and is registered in {@link io.symsweep.experiment.Experiments}; the
 * adapter only ships configurations and rows.
 */
package io.symsweep.experiment;
