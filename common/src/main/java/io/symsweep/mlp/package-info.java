/**
 * Multilayer perceptrons with biases on real data: the architecture ({@link io.symsweep.mlp.MlpSpec}), its
 * parameters as a {@link io.symsweep.params.ParameterSet} and its symmetry sites
 * ({@link io.symsweep.mlp.MlpSymmetries}), a plain-Java forward pass, loss and accuracy for probing
 * ({@link io.symsweep.mlp.MlpForward}), DL4J training in float64 ({@link io.symsweep.mlp.MlpTrainer},
 * {@link io.symsweep.mlp.Dl4jMlp}), and the teacher-student task ({@link io.symsweep.mlp.TeacherTask}).
 */
package io.symsweep.mlp;
