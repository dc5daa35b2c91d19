/**
 * The sweep specification: a YAML file read into a {@link io.symsweep.sweep.SweepSpec}, validated field
 * by field against the experiment kind's declared {@link io.symsweep.sweep.SpecField}s, and expanded
 * into the cross product of its values, one {@link io.symsweep.sweep.Configuration} each, identified by
 * a hash of its canonical form. Every error is a {@link io.symsweep.sweep.SpecException} naming the
 * field's path, the value found and what is allowed.
 */
package io.symsweep.sweep;
