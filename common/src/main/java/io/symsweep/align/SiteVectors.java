package io.symsweep.align;

import io.symsweep.linalg.Vectors;
import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.Tensor;
import io.symsweep.params.UnitTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What the site-by-site fits compare at one hidden layer: A's and B's units as row-major vectors of one length
 * ({@code units x length}), either their activations on the problem's sample or their incoming weights and biases
 * (the whole output axes of the site's tensors, in declaration order), B's read through the maps found so far.
 *
 * @param a      A's {@code unitsA} vectors
 * @param unitsA A's width at the layer
 * @param b      B's {@code unitsB} vectors
 * @param unitsB B's width at the layer (the site's size)
 * @param length the entries per vector: samples, or incoming weights and bias
 */
record SiteVectors(double[] a, int unitsA, double[] b, int unitsB, int length) {

    /** Layer {@code l} of {@code p} at B's site {@code s}: activations from {@code traces}, or weights when it is null. */
    static SiteVectors at(AlignmentProblem p, Activations.Traces traces, Site s, int l,
            Map<String, UnitTransform> found) {
        int unitsA = p.specA().width(l);
        int unitsB = s.size();
        if (traces != null) {
            int n = p.sampleCount();
            return new SiteVectors(Activations.transposed(traces.a().post(l), n, unitsA), unitsA,
                    Activations.transposed(traces.b().post(l), n, unitsB), unitsB, n);
        }
        SymmetryDeclaration decl = p.declarationB();
        double[] a = incoming(s, p.a(), unitsA);
        return new SiteVectors(a, unitsA, incoming(s, decl.apply(p.b(), found), unitsB), unitsB, a.length / unitsA);
    }

    /** True when every entry of both is finite. */
    boolean finite() {
        return Vectors.allFinite(a) && Vectors.allFinite(b);
    }

    /** A's vectors as the columns of a {@code length x unitsA} matrix. */
    DMatrixRMaj aColumns() {
        return CommonOps_DDRM.transpose(DMatrixRMaj.wrap(unitsA, length, a), null);
    }

    /** B's vectors as the columns of a {@code length x unitsB} matrix. */
    DMatrixRMaj bColumns() {
        return CommonOps_DDRM.transpose(DMatrixRMaj.wrap(unitsB, b.length / unitsB, b), null);
    }

    /** Each unit's incoming weights and bias, one row per unit: {@code units x rest}. */
    private static double[] incoming(Site s, ParameterSet p, int units) {
        List<double[]> parts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int rest = 0;
        for (AxisUse u : s.uses()) {
            if (u.variance() == AxisUse.Variance.OUTPUT) {
                Tensor t = p.get(u.tensor());
                AxisUse whole = new AxisUse(u.tensor(), u.axis(), 0, 1, AxisUse.Variance.OUTPUT);
                int r = UnitVectors.rest(t, whole);
                parts.add(UnitVectors.unfold(t, whole, units));
                sizes.add(r);
                rest += r;
            }
        }
        double[] out = new double[units * rest];
        int offset = 0;
        for (int k = 0; k < parts.size(); k++) {
            int r = sizes.get(k);
            double[] v = parts.get(k);
            for (int i = 0; i < units; i++) {
                System.arraycopy(v, i * r, out, i * rest + offset, r);
            }
            offset += r;
        }
        return out;
    }
}
