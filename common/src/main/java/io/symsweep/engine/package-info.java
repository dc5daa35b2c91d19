/**
 * Engines compute the loss {@code ||Y - f(X)||_F^2} of an MLP, its gradient, and train it. DL4J
 * ({@link io.symsweep.engine.Dl4jEngine}) is the reference; the fused Java engine
 * ({@link io.symsweep.engine.DenseEngine}) is held equal to it by tests and is the default for small
 * dense networks, where DL4J's per-op overhead dominates. The dense engine runs one network on a scalar
 * kernel and batches of networks of one shape on SIMD lanes (the interleaved kernel), with bitwise the
 * same results either way.
 */
package io.symsweep.engine;
