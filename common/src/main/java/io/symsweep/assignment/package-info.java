/**
 * The dense linear assignment problem ({@link io.symsweep.assignment.LinearAssignment}, Jonker-Volgenant), the
 * inner step of every unit matching.
 */
package io.symsweep.assignment;
