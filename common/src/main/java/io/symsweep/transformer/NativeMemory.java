package io.symsweep.transformer;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the native memory of dropped SameDiff graphs from piling up: call {@link #beforeNewGraph()} before building
 * a graph (which also quiets SameDiff's standard output, {@link SameDiffOutput}). ND4J frees an array's native buffer
 * only when the Java object holding it is collected, and neither the JVM nor JavaCPP counts those buffers
 * ({@code Pointer.totalBytes()} stays near 10 MB while gigabytes are held), so
 * with room on the heap the garbage collector runs too rarely for them. Measured on the causal transformer (d 32,
 * 4 heads) evaluating its 500 test sequences in a new graph each time: about 40 MB of resident memory per graph
 * (8.7 GB after 200 graphs), flat near 250 MB with a collection after each one; and a Spark executor running
 * {@code paper/alignment-gpt.yaml} reached 18 GB resident in 15 minutes, with 3 GB of its 6 GB heap in use.
 * <p>
 * Hand-written because no setting covers it: JavaCPP's {@code maxPhysicalBytes} (which symsweep turns off, it costs
 * ~35% of ND4J's CPU time, {@code STACK.md}) checks only on allocations it tracks, and ND4J's periodic collection
 * cannot be switched on in this version ({@code togglePeriodicGc(true)} leaves it off, tried).
 * <p>
 * The rule: when the process's resident memory has grown by more than {@value #ALLOWANCE_MB} MB since the last
 * collection, collect. The mark is reset from what remains resident after each collection, so a large fixed
 * footprint (Spark, native libraries, the heap's own pages) never makes it collect on every graph. (The memory outside
 * the heap, resident minus the heap's committed size, is no measure: the committed heap grows with the garbage,
 * tried.)
 */
final class NativeMemory {

    /** Growth of resident memory, in MB, that triggers a collection. */
    static final long ALLOWANCE_MB = 512;
    private static final Watermark MARK = new Watermark(ALLOWANCE_MB << 20);

    private NativeMemory() {
    }

    /**
     * Collects the heap when resident memory has grown past the allowance since the last collection (JavaCPP reads the
     * resident size from the system).
     */
    static void beforeNewGraph() {
        SameDiffOutput.quiet();
        synchronized (MARK) {
            if (MARK.due(Pointer.physicalBytes())) {
                System.gc();
                MARK.collected(Pointer.physicalBytes());
            }
        }
    }

    /** The rule, apart from the process: the resident size at the last collection and the growth allowed past it. */
    static final class Watermark {
        private final long allowance;
        private long mark = -1;

        Watermark(long allowance) {
            this.allowance = allowance;
        }

        /** True when a collection is due at {@code resident} bytes (the first reading only sets the mark). */
        boolean due(long resident) {
            if (mark < 0) {
                mark = resident;
                return false;
            }
            return resident > mark + allowance;
        }

        /** A collection left {@code resident} bytes: the next one is due {@code allowance} above that. */
        void collected(long resident) {
            mark = resident;
        }
    }
}
