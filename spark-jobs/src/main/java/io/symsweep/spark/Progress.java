package io.symsweep.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The driver's progress line for one stage: done/total configurations, rate and ETA. On a terminal it
 * updates in place every second; otherwise (a log file, CI) it prints a line every ten seconds. Tasks add
 * to {@link #counter()} per configuration; Spark merges the counts when tasks finish (a retried task may
 * count twice, so the display is capped at the total).
 */
public final class Progress implements AutoCloseable {

    private final String stage;
    private final long total;
    private final LongAccumulator counter;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile boolean closed;

    private Progress(SparkContext sc, String stage, long total, PrintStream out, boolean terminal) {
        this.stage = stage;
        this.total = total;
        this.counter = sc.longAccumulator(stage);
        this.out = out;
        this.terminal = terminal;
        long period = terminal ? 1_000 : 10_000;
        this.ticker = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(period);
                } catch (InterruptedException e) {
                    return;
                }
                if (!closed) {
                    print(false);
                }
            }
        }, "symsweep-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Starts reporting {@code stage} of {@code total} configurations on stderr. */
    public static Progress start(SparkContext sc, String stage, long total) {
        return new Progress(sc, stage, total, System.err, System.console() != null);
    }

    /** The accumulator tasks add one to per finished configuration. */
    public LongAccumulator counter() {
        return counter;
    }

    /** The line as it reads now. */
    String line() {
        long done = Math.min(total, counter.value());
        double seconds = (System.nanoTime() - start) * 1e-9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done == 0 || done == total ? "" : String.format(Locale.ROOT, ", ETA %s", duration((total - done) / rate));
        return String.format(Locale.ROOT, "%s: %d/%d (%.0f%%), %.1f/s%s, %s", stage, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, eta, duration(seconds));
    }

    private synchronized void print(boolean last) {
        if (terminal) {
            out.print("\r" + line() + "\u001b[K" + (last ? "\n" : ""));
        } else {
            out.println(line());
        }
        out.flush();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /**
     * Stops the line: a stage that finished prints its last line; one that failed or was interrupted prints none (on a
     * terminal its line is erased), so that the one line saying why is not preceded by a progress line.
     */
    @Override
    public void close() {
        closed = true;
        ticker.interrupt();
        if (total > 0 && counter.value() >= total) {
            print(true);
        } else if (terminal && total > 0) {
            synchronized (this) {
                out.print("\r\u001b[K");
                out.flush();
            }
        }
    }
}
