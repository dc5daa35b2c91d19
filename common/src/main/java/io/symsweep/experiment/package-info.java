/**
 * Experiment kinds: each declares its spec fields and implements its stages as pure functions from a
 * configuration to table rows. The Spark adapter only ships configurations to them.
 */
package io.symsweep.experiment;
