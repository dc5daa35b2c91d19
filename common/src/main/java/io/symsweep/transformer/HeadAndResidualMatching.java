package io.symsweep.transformer;

import static io.symsweep.transformer.TransformerParameters.mlpBias;
import static io.symsweep.transformer.TransformerParameters.mlpWeight;

import io.symsweep.assignment.LinearAssignment;
import io.symsweep.params.AxisUse;
import io.symsweep.params.ParameterSet;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.Tensor;
import io.symsweep.params.UnitTransform;
import io.symsweep.symmetry.Permutation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Building blocks of weight matching for transformers (Theus et al. 2025, Sec. 4; Ainsworth et al. 2023 for the
 * permutation part): costs between the heads and between the MLP units of two models, the residual stream's
 * orthogonal map by Procrustes over every residual-path weight, and {@link #match}, which alternates them. All are
 * pure functions of the parameters. Model {@code b} is brought onto {@code a}; a cost {@code c[i][j]} compares unit
 * {@code i} of {@code a} with unit {@code j} of {@code b}, and the matching permutation sends {@code b}'s unit
 * {@code j} to position {@code i} ({@link UnitTransform#permutation} with {@code images[j] = i}).
 */
public final class HeadAndResidualMatching {

    private HeadAndResidualMatching() {
    }

    /**
     * {@code c[i][j] = ||C_a^i - C_b^j||_F^2 + ||V_a^i - V_b^j||_F^2} over the query-key circuits {@code C = W_Q W_K^T}
     * and value-output circuits {@code V = W_V W_O} of layer {@code layer}: invariant under every per-head invertible
     * map, so heads are matched before (or without) solving for those maps. Residual maps are not undone: rotate
     * {@code b} first. {@code O(H^2 d^2)} after {@code O(H d^2 d_head)} for the circuits.
     */
    public static double[][] headCosts(TransformerModel a, TransformerModel b, int layer) {
        int nh = a.architecture().heads();
        double[][][] qa = new double[nh][][];
        double[][][] va = new double[nh][][];
        double[][][] qb = new double[nh][][];
        double[][][] vb = new double[nh][][];
        for (int h = 0; h < nh; h++) {
            qa[h] = CircuitMerging.queryKey(a, layer, h);
            va[h] = CircuitMerging.valueOutput(a, layer, h);
            qb[h] = CircuitMerging.queryKey(b, layer, h);
            vb[h] = CircuitMerging.valueOutput(b, layer, h);
        }
        double[][] c = new double[nh][nh];
        for (int i = 0; i < nh; i++) {
            for (int j = 0; j < nh; j++) {
                c[i][j] = Dense.squaredDistance(qa[i], qb[j]) + Dense.squaredDistance(va[i], vb[j]);
            }
        }
        return c;
    }

    /**
     * Head costs invariant also under residual maps: the squared distance between the sorted singular values of the
     * circuits ({@code R C R^T} has those of {@code C}). A start for {@link #match} while the residual map is unknown.
     */
    public static double[][] residualInvariantHeadCosts(TransformerModel a, TransformerModel b, int layer) {
        int nh = a.architecture().heads();
        double[][] sa = new double[nh][];
        double[][] sb = new double[nh][];
        for (int h = 0; h < nh; h++) {
            sa[h] = concat(singularValues(CircuitMerging.queryKey(a, layer, h)),
                    singularValues(CircuitMerging.valueOutput(a, layer, h)));
            sb[h] = concat(singularValues(CircuitMerging.queryKey(b, layer, h)),
                    singularValues(CircuitMerging.valueOutput(b, layer, h)));
        }
        double[][] c = new double[nh][nh];
        for (int i = 0; i < nh; i++) {
            for (int j = 0; j < nh; j++) {
                c[i][j] = squaredDistance(sa[i], sb[j]);
            }
        }
        return c;
    }

    /**
     * {@code c[i][j] = ||W_in[:, i] - W'_in[:, j]||^2 + (b_in[i] - b'_in[j])^2 + ||W_out[i, :] - W'_out[j, :]||^2} for
     * the MLP of layer {@code layer}: weight matching's cost (Ainsworth et al. 2023), residual maps not undone.
     */
    public static double[][] mlpCosts(TransformerModel a, TransformerModel b, int layer) {
        double[][] ia = Dense.transpose(Dense.rows(a.parameters().get(mlpWeight(layer, "in"))));
        double[][] ib = Dense.transpose(Dense.rows(b.parameters().get(mlpWeight(layer, "in"))));
        double[] ba = a.parameters().get(mlpBias(layer, "in")).data();
        double[] bb = b.parameters().get(mlpBias(layer, "in")).data();
        double[][] oa = Dense.rows(a.parameters().get(mlpWeight(layer, "out")));
        double[][] ob = Dense.rows(b.parameters().get(mlpWeight(layer, "out")));
        int n = ba.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = ba[i] - bb[j];
                c[i][j] = squaredDistance(ia[i], ib[j]) + d * d + squaredDistance(oa[i], ob[j]);
            }
        }
        return c;
    }

    /**
     * MLP-unit costs invariant under residual maps: per unit the norms of its reading column and writing row, their
     * inner product and its bias, compared squared. A start for {@link #match} while the residual map is unknown.
     */
    public static double[][] residualInvariantMlpCosts(TransformerModel a, TransformerModel b, int layer) {
        double[][] fa = unitInvariants(a, layer);
        double[][] fb = unitInvariants(b, layer);
        double[][] c = new double[fa.length][fb.length];
        for (int i = 0; i < fa.length; i++) {
            for (int j = 0; j < fb.length; j++) {
                c[i][j] = squaredDistance(fa[i], fb[j]);
            }
        }
        return c;
    }

    private static double[][] unitInvariants(TransformerModel m, int layer) {
        double[][] in = Dense.transpose(Dense.rows(m.parameters().get(mlpWeight(layer, "in"))));
        double[] bias = m.parameters().get(mlpBias(layer, "in")).data();
        double[][] out = Dense.rows(m.parameters().get(mlpWeight(layer, "out")));
        double[][] f = new double[bias.length][];
        for (int i = 0; i < bias.length; i++) {
            f[i] = new double[] {Math.sqrt(dot(in[i], in[i])), bias[i], Math.sqrt(dot(out[i], out[i])), dot(in[i], out[i])};
        }
        return f;
    }

    /**
     * The orthogonal map {@code R} of site {@code site} maximising {@code sum <a_u, R . b_u>} over the site's uses
     * {@code u} whose tensor passes {@code tensors} (orthogonal Procrustes, Schoenemann 1966): with
     * {@code M = sum_u A_(u) B_(u)^T} ({@code X_(u)} the tensor unfolded with the site's axis as rows),
     * {@code R = U V^T} for the SVD {@code M = U S V^T} (EJML). For an orthogonal map an input use moves the tensor by
     * {@code R^-T = R} like an output use, so every use contributes alike. Tensors indexed by the site on two axes
     * (a circuit {@code R C R^T}) are quadratic in {@code R} and skipped. Cost {@code O(n * sum |u|)} plus one
     * {@code n x n} SVD.
     */
    public static UnitTransform residualProcrustes(SymmetryDeclaration declaration, String site, ParameterSet a,
            ParameterSet b, Predicate<String> tensors) {
        return procrustes(residualScores(declaration, site, a, b, tensors, null));
    }

    /**
     * The score matrix {@code M = sum_u A_(u) B_(u)^T} of {@link #residualProcrustes}, whose maximiser of
     * {@code <T, M>} over a class is the best residual map of that class ({@link #residualMap}). A tensor indexed by
     * the site on two axes ({@code R C R^T} of a merged circuit) is quadratic in {@code T}; with {@code current}
     * given it is linearised around it (alternating Procrustes, as in generalised Procrustes analysis, Gower 1975):
     * for each of its two uses, {@code b}'s tensor is first moved by {@code current} along the other use's axis and
     * then contributes like a tensor of one use. Without {@code current} such tensors are skipped.
     */
    static double[][] residualScores(SymmetryDeclaration declaration, String site, ParameterSet a, ParameterSet b,
            Predicate<String> tensors, UnitTransform current) {
        Site s = declaration.site(site);
        int n = s.size();
        Map<String, List<AxisUse>> usesPerTensor = new LinkedHashMap<>();
        for (AxisUse u : s.uses()) {
            if (u.block() != 1 || u.offset() != 0) {
                throw new IllegalArgumentException("Procrustes over whole axes only; " + site + " uses a range of "
                        + u.tensor());
            }
            usesPerTensor.computeIfAbsent(u.tensor(), k -> new ArrayList<>()).add(u);
        }
        double[][] m = new double[n][n];
        for (Map.Entry<String, List<AxisUse>> e : usesPerTensor.entrySet()) {
            if (!tensors.test(e.getKey())) {
                continue;
            }
            List<AxisUse> uses = e.getValue();
            if (uses.size() == 1) {
                accumulate(m, a.get(e.getKey()), b.get(e.getKey()), uses.get(0).axis());
            } else if (uses.size() == 2 && current != null) {
                for (int k = 0; k < 2; k++) {
                    AxisUse other = uses.get(1 - k);
                    Tensor moved = b.get(e.getKey()).along(other.axis(), 0, 1, actingMatrix(current, other.variance()));
                    accumulate(m, a.get(e.getKey()), moved, uses.get(k).axis());
                }
            }
        }
        return m;
    }

    /** The matrix a transform applies along an axis of this variance: {@code F} for outputs, {@code B^T} for inputs. */
    static double[][] actingMatrix(UnitTransform t, AxisUse.Variance variance) {
        return variance == AxisUse.Variance.OUTPUT ? t.forward() : Dense.transpose(t.backward());
    }

    /**
     * The map of class {@code residualClass} maximising {@code <T, M>}: the polar factor for
     * {@link SymmetryClass#ORTHOGONAL} ({@link #procrustes}), a linear assignment for {@link SymmetryClass#PERMUTATION}
     * (B's unit {@code j} moves to the A unit it is assigned to).
     */
    static UnitTransform residualMap(double[][] m, SymmetryClass residualClass) {
        return switch (residualClass) {
            case ORTHOGONAL -> procrustes(m);
            case PERMUTATION -> permutationOf(negated(m));
            default -> throw new IllegalArgumentException("the residual stream is matched by a permutation or an "
                    + "orthogonal map, found " + residualClass.specName());
        };
    }

    private static double[][] negated(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                c[i][j] = -m[i][j];
            }
        }
        return c;
    }

    /** {@code R = U V^T} for {@code M = U S V^T}: the orthogonal matrix maximising {@code <R, M>}. */
    static UnitTransform procrustes(double[][] m) {
        int n = m.length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(Dense.ejml(m))) {
            throw new ArithmeticException("SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj r = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(u, v, r);
        double[][] rot = Dense.array(r);
        return new UnitTransform(SymmetryClass.ORTHOGONAL, rot, Dense.transpose(rot));
    }

    /** {@code m[i][j] += sum over the other indices of a[.., i, ..] b[.., j, ..]} along {@code axis}. */
    private static void accumulate(double[][] m, Tensor a, Tensor b, int axis) {
        int[] shape = a.shape();
        int len = shape[axis];
        int outer = 1;
        for (int k = 0; k < axis; k++) {
            outer *= shape[k];
        }
        int inner = 1;
        for (int k = axis + 1; k < shape.length; k++) {
            inner *= shape[k];
        }
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < len; i++) {
                int ai = (o * len + i) * inner;
                for (int j = 0; j < len; j++) {
                    int bj = (o * len + j) * inner;
                    double s = 0;
                    for (int k = 0; k < inner; k++) {
                        s += a.at(ai + k) * b.at(bj + k);
                    }
                    m[i][j] += s;
                }
            }
        }
    }

    /**
     * What to match.
     *
     * @param invertibleHeads also solve the per-head QK and OV maps ({@link HeadMaps}, factorised heads only)
     * @param residualClass   the residual stream's map: {@link SymmetryClass#ORTHOGONAL} or
     *                        {@link SymmetryClass#PERMUTATION}
     * @param maxRounds       alternations at most after the residual-invariant start
     */
    public record Options(boolean invertibleHeads, SymmetryClass residualClass, int maxRounds) {
        public Options {
            FieldChecks.atLeast("maxRounds", maxRounds, 1);
            if (residualClass != SymmetryClass.ORTHOGONAL && residualClass != SymmetryClass.PERMUTATION) {
                throw new IllegalArgumentException("residualClass: orthogonal or permutation, found " + residualClass);
            }
        }

        /** With an orthogonal residual map. */
        public Options(boolean invertibleHeads, int maxRounds) {
            this(invertibleHeads, SymmetryClass.ORTHOGONAL, maxRounds);
        }
    }

    /**
     * A matching of {@code b} onto {@code a}.
     *
     * @param transforms site name to transform, to apply to {@code b} with the declaration's {@code apply}
     * @param distances  {@code ||a - T b||} after the start and after each round
     * @param rounds     rounds run after the start
     * @param converged  whether a round stopped improving before {@code maxRounds} were spent
     */
    public record Match(Map<String, UnitTransform> transforms, double[] distances, int rounds, boolean converged) {
        public Match {
            transforms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(transforms));
            distances = distances.clone();
        }

        @Override
        public double[] distances() {
            return distances.clone();
        }
    }

    /**
     * Weight matching of heads, MLP units, (optionally) per-head maps and the residual map, for models with folded
     * norms, factorised or merged into circuits (Theus et al. 2025, Sec. 4; Ainsworth et al. 2023, Alg. 1 for the
     * permutations). Start: heads and units by their residual-invariant costs, then {@code R} (orthogonal by
     * Procrustes, or a permutation by assignment) over the residual-path weights that no per-head map touches. Each
     * round: heads by {@link #headCosts} and units by {@link #mlpCosts} against {@code b} moved by {@code R}; then the
     * per-head maps; then {@code R} over every residual-path weight of {@code b} moved by the rest (merged circuits
     * linearised around the current {@code R}, {@link #residualScores}). Stops when a round no longer lowers
     * {@code ||a - T b||} by more than {@code 1e-12} relative (the last round's result is kept only if it is no
     * worse), or after {@code maxRounds}.
     */
    public static Match match(TransformerModel a, TransformerModel b, Options options) {
        TransformerArchitecture arch = a.architecture();
        if (!arch.equals(b.architecture())) {
            throw new IllegalArgumentException("architectures differ: " + arch.label() + " and " + b.architecture().label());
        }
        if (arch.norm() != TransformerArchitecture.Norm.FOLDED_RMS_NORM) {
            throw new IllegalArgumentException("fold the norms first (NormFolding.fold): " + arch.label());
        }
        if (options.invertibleHeads() && arch.attention() != TransformerArchitecture.Attention.FACTORISED) {
            throw new IllegalArgumentException("per-head maps need factorised heads: " + arch.label());
        }
        SymmetryDeclaration d = TransformerSymmetries.declaration(arch);
        Map<String, UnitTransform> perms = blockPermutations(arch.layers(), l -> residualInvariantHeadCosts(a, b, l),
                l -> residualInvariantMlpCosts(a, b, l));
        Map<String, UnitTransform> maps = new LinkedHashMap<>();
        if (options.invertibleHeads()) {
            // the start keeps every head's factors: identity maps, so that every result names every site
            double[][] eye = Dense.identity(arch.dHead());
            for (int l = 0; l < arch.layers(); l++) {
                for (int h = 0; h < arch.heads(); h++) {
                    maps.put(TransformerSymmetries.queryKey(l, h), new UnitTransform(SymmetryClass.INVERTIBLE, eye, eye));
                    maps.put(TransformerSymmetries.valueOutput(l, h), new UnitTransform(SymmetryClass.INVERTIBLE, eye, eye));
                }
            }
        }
        Predicate<String> untouchedByHeadMaps = name -> !options.invertibleHeads() || !name.contains(".attn.")
                || name.endsWith("attn.o.bias");
        UnitTransform r = residualMap(residualScores(d, TransformerSymmetries.RESIDUAL, a.parameters(),
                d.apply(b.parameters(), perms), untouchedByHeadMaps, null), options.residualClass());
        List<Double> distances = new ArrayList<>();
        Map<String, UnitTransform> all = combine(maps, perms, r);
        double distance = a.parameters().distance(d.apply(b.parameters(), all));
        distances.add(distance);
        int rounds = 0;
        boolean converged = false;
        while (rounds < options.maxRounds()) {
            rounds++;
            TransformerModel rotated = new TransformerModel(arch, d.apply(b.parameters(),
                    Map.of(TransformerSymmetries.RESIDUAL, r)));
            Map<String, UnitTransform> nextPerms = blockPermutations(arch.layers(), l -> headCosts(a, rotated, l),
                    l -> mlpCosts(a, rotated, l));
            Map<String, UnitTransform> nextMaps = new LinkedHashMap<>();
            if (options.invertibleHeads()) {
                Map<String, UnitTransform> headsOnly = new LinkedHashMap<>(nextPerms);
                headsOnly.put(TransformerSymmetries.RESIDUAL, r);
                TransformerModel arranged = new TransformerModel(arch, d.apply(b.parameters(), headsOnly));
                Map<String, UnitTransform> atPositions = HeadMaps.align(a, arranged);
                // the declaration applies per-head maps to b's own heads, before they move: re-key by origin
                for (int l = 0; l < arch.layers(); l++) {
                    int[] images = imagesOf(nextPerms.get(TransformerSymmetries.heads(l)));
                    for (int j = 0; j < arch.heads(); j++) {
                        nextMaps.put(TransformerSymmetries.queryKey(l, j),
                                atPositions.get(TransformerSymmetries.queryKey(l, images[j])));
                        nextMaps.put(TransformerSymmetries.valueOutput(l, j),
                                atPositions.get(TransformerSymmetries.valueOutput(l, images[j])));
                    }
                }
            }
            Map<String, UnitTransform> rest = combine(nextMaps, nextPerms, null);
            UnitTransform nextR = residualMap(residualScores(d, TransformerSymmetries.RESIDUAL, a.parameters(),
                    d.apply(b.parameters(), rest), name -> true, r), options.residualClass());
            Map<String, UnitTransform> candidate = combine(nextMaps, nextPerms, nextR);
            double next = a.parameters().distance(d.apply(b.parameters(), candidate));
            if (!(next < distance * (1 - 1e-12))) {
                if (next <= distance) {
                    all = candidate;
                    distance = next;
                    distances.add(next);
                }
                converged = true;
                break;
            }
            all = candidate;
            distance = next;
            distances.add(next);
            r = nextR;
        }
        return new Match(all, distances.stream().mapToDouble(Double::doubleValue).toArray(), rounds, converged);
    }

    private static Map<String, UnitTransform> combine(Map<String, UnitTransform> maps, Map<String, UnitTransform> perms,
            UnitTransform residual) {
        Map<String, UnitTransform> m = new LinkedHashMap<>(maps);
        m.putAll(perms);
        if (residual != null) {
            m.put(TransformerSymmetries.RESIDUAL, residual);
        }
        return m;
    }

    /** Each block's heads and MLP units permuted by one assignment each on their costs, block by block. */
    private static Map<String, UnitTransform> blockPermutations(int layers, IntFunction<double[][]> headCosts,
            IntFunction<double[][]> mlpCosts) {
        Map<String, UnitTransform> perms = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            perms.put(TransformerSymmetries.heads(l), permutationOf(headCosts.apply(l)));
            perms.put(TransformerSymmetries.mlp(l), permutationOf(mlpCosts.apply(l)));
        }
        return perms;
    }

    /** The permutation sending {@code b}'s unit {@code col[i]} to position {@code i}. */
    static UnitTransform permutationOf(double[][] cost) {
        return UnitTransform.permutation(Permutation.of(LinearAssignment.minimise(cost)).inverse().images());
    }

    /** {@code images[j]}: where a permutation sends unit {@code j}. */
    static int[] imagesOf(UnitTransform p) {
        double[][] f = p.forward();
        int[] images = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (f[i][j] == 1) {
                    images[j] = i;
                }
            }
        }
        return images;
    }

    private static double[] singularValues(double[][] m) {
        int n = m.length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, m[0].length, false, false, true);
        if (!svd.decompose(Dense.ejml(m))) {
            throw new ArithmeticException("SVD failed");
        }
        double[] s = java.util.Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        java.util.Arrays.sort(s);
        return s;
    }

    private static double[] concat(double[] x, double[] y) {
        double[] z = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    private static double squaredDistance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s;
    }

    private static double dot(double[] x, double[] y) {
        return VectorVectorMult_DDRM.innerProd(DMatrixRMaj.wrap(x.length, 1, x), DMatrixRMaj.wrap(y.length, 1, y));
    }
}
