package io.symsweep.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The handwritten digits (UCI optdigits, test part; Alpaydin and Kaynak 1998, CC BY 4.0; see
 * {@code digits-ATTRIBUTION.md} beside the resource): 1797 images of 8x8 pixels with values 0..16, labels 0..9.
 * Read from the bundled resource once per JVM.
 */
public final class Digits {

    /** Images. */
    public static final int SAMPLES = 1797;
    /** Pixels per image, row-major 8x8. */
    public static final int FEATURES = 64;
    /** Digit classes. */
    public static final int CLASSES = 10;
    /** The resource, relative to this class. */
    static final String RESOURCE = "digits.csv.gz";

    private static volatile LabelledData cached;

    private Digits() {
    }

    /** All 1797 images, pixels scaled to [0, 1] (divided by 16), in file order. */
    public static LabelledData load() {
        LabelledData d = cached;
        if (d == null) {
            d = read();
            cached = d;
        }
        return d;
    }

    private static LabelledData read() {
        double[][] x = new double[SAMPLES][FEATURES];
        int[] y = new int[SAMPLES];
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the symsweep jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length != FEATURES + 1 || n >= SAMPLES) {
                    throw new IllegalStateException(RESOURCE + " line " + (n + 1) + ": expected " + (FEATURES + 1)
                            + " values");
                }
                for (int j = 0; j < FEATURES; j++) {
                    x[n][j] = Integer.parseInt(f[j]) / 16.0;
                }
                y[n] = Integer.parseInt(f[FEATURES]);
                n++;
            }
            if (n != SAMPLES) {
                throw new IllegalStateException(RESOURCE + " holds " + n + " rows, expected " + SAMPLES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new LabelledData(x, y, CLASSES);
    }
}
