/**
 * How enum values are spelled in specs and tables ({@link io.symsweep.naming.SpecName}): the lower-case constant
 * name, read back by one lookup whose error names the field and the allowed spellings. No other knowledge here.
 */
package io.symsweep.naming;
