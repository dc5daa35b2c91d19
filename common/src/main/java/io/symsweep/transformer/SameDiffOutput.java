package io.symsweep.transformer;

import java.io.PrintStream;

/**
 * Drops the one line SameDiff 1.0.0-M2.1 prints to standard output for every op it differentiates
 * ({@code Added differentiated op NAME}, a {@code System.out.println} in {@code SameDiff.createGradFunction}, which no
 * logger setting reaches): a {@code paper/alignment-gpt.yaml} run printed 1,696 of them in its first minutes, between
 * the progress lines. Standard output is wrapped (again if something replaced it) by a stream that passes every other
 * write through unchanged.
 */
final class SameDiffOutput {

    static final String PREFIX = "Added differentiated op ";

    private SameDiffOutput() {
    }

    /** Wraps {@code System.out}, unless it is wrapped already, before a graph SameDiff may differentiate is built. */
    static synchronized void quiet() {
        if (!(System.out instanceof Filtered)) {
            System.setOut(new Filtered(System.out));
        }
    }

    /** {@code out} less SameDiff's differentiation lines. */
    static final class Filtered extends PrintStream {
        Filtered(PrintStream out) {
            super(out, true);
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(PREFIX)) {
                super.println(line);
            }
        }
    }
}
