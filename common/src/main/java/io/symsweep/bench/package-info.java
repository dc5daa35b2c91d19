/**
 * Measurements of the engines' throughput ({@code symsweep bench}): microseconds per model-step and probe
 * evaluations per second on one thread, with the FLOP counts they are set against. Pure measurement: no
 * assertion about speed lives in a test.
 */
package io.symsweep.bench;
