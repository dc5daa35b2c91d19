/**
 * Parameter-space symmetries: groups acting on a network's weights so that the loss is unchanged
 * (exactly, or within a stated bound for approximate actions).
 */
package io.symsweep.symmetry;
