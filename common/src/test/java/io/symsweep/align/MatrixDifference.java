package io.symsweep.align;

/** The entrywise distance the alignment tests of MLPs and transformers compare matrices by. */
public final class MatrixDifference {

    private MatrixDifference() {
    }

    /** {@code max |x - y|} over two matrices of one shape; NaN when any difference is NaN. */
    public static double maxDifference(double[][] x, double[][] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                m = Math.max(m, Math.abs(x[i][j] - y[i][j]));
            }
        }
        return m;
    }
}
