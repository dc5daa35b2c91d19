/**
 * Engines compute the loss {@code ||Y - f(X)||_F^2} of an MLP, its gradient, and train it. DL4J
 * ({@link io.symsweep.engine.Dl4jEngine}) is the reference; the fused Java kernel
 * ({@link io.symsweep.engine.DenseEngine}) is held equal to it by tests and is the default for small
 * dense networks, where DL4J's per-op overhead dominates.
 */
package io.symsweep.engine;
