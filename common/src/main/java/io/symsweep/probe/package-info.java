/**
 * Probes of a minimum: losses along straight lines between parameter points
 * ({@link io.symsweep.probe.LinearInterpolationProbe}) and the closed forms the papers derive for them
 * ({@link io.symsweep.probe.ClosedForms}).
 */
package io.symsweep.probe;
