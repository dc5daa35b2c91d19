package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.SymmetryDeclaration;
import io.symsweep.params.UnitTransform;
import io.symsweep.transformer.TransformerArchitecture.Attention;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Learned matching of transformers by the straight-through estimator (Theus et al. 2025, Alg. 1; Ainsworth et al.
 * 2023, Alg. 2). Latent dense transforms {@code W_s}, one per site of the class set, start at weight matching's
 * result. Each step draws {@code l ~ U(0.4, 0.6)} and a mini-batch (with replacement), projects each latent onto its
 * class on the host ({@code P = proj(W)}: the assignment maximising {@code <P, W>} for permutations, the polar factor
 * of {@code W} for the orthogonal residual map, the latent itself for the per-head invertible maps), evaluates the
 * loss at {@code (1 - l) A + l P.B} and its gradient with respect to {@code P} in SameDiff ({@link TransformGradient}),
 * and treats the projection as the identity on the way back: {@code W -= Adam(dL/dP)} (ND4J's Adam). The result is
 * the projection of the final latents. In the circuit head mode the graph interpolates the merged circuits.
 * Objective: the training loss at {@code l = 1/2}.
 */
final class TransformerLearnedMatching extends AbstractTransformerAligner {

    TransformerLearnedMatching(TransformerClassSet c, Attention headMode) {
        super(c, AlignmentMethod.LEARNED, headMode);
    }

    /** The class learned at each site of {@code arch} (in declaration order) under {@code c}. */
    static Map<String, SymmetryClass> learnedSites(TransformerArchitecture arch, TransformerClassSet c, Attention mode) {
        Map<String, SymmetryClass> out = new LinkedHashMap<>();
        for (Site s : TransformerSymmetries.declaration(arch).sites()) {
            String name = s.name();
            if (name.endsWith(".qk") || name.endsWith(".ov")) {
                if (c.invertibleHeads() && mode == Attention.FACTORISED) {
                    out.put(name, SymmetryClass.INVERTIBLE);
                }
            } else if (name.equals(TransformerSymmetries.RESIDUAL)) {
                out.put(name, c.residualClass());
            } else {
                out.put(name, SymmetryClass.PERMUTATION);
            }
        }
        return out;
    }

    @Override
    TransformerAlignment fit(TransformerAlignmentProblem p, TransformerModel a, TransformerModel b, long start) {
        TransformerAlignmentSettings s = p.settings();
        HeadAndResidualMatching.Match wm;
        try {
            wm = TransformerWeightMatching.match(a, b, classSet, headMode, s.maxRounds());
        } catch (ArithmeticException e) {
            return TransformerAlignment.failed(classSet, method(), headMode, a, b, AlignmentStatus.SINGULAR,
                    "weight matching: " + e.getMessage(), start);
        }
        Map<String, SymmetryClass> sites = learnedSites(b.architecture(), classSet, headMode);
        Map<String, double[][]> latent = new LinkedHashMap<>();
        int size = 0;
        for (String site : sites.keySet()) {
            double[][] f = wm.transforms().get(site).forward();
            latent.put(site, f);
            size += f.length * f.length;
        }
        SplittableRandom rng = new SplittableRandom(s.seed() ^ 0x2545F4914F6CDD1DL);
        SequenceData train = p.train();
        double lastLoss = Double.NaN;
        try {
            if (s.learnedSteps() > 0) {
                TransformGradient graph = new TransformGradient(a, b, sites);
                Adam config = new Adam(s.learnedRate());
                INDArray state = Nd4j.zeros(1, config.stateSize(size));
                GradientUpdater<?> adam = config.instantiate(state, true);
                for (int step = 0; step < s.learnedSteps(); step++) {
                    double lambda = 0.4 + 0.2 * rng.nextDouble();
                    int[] batch = new int[Math.min(s.learnedBatch(), train.samples())];
                    for (int i = 0; i < batch.length; i++) {
                        batch[i] = rng.nextInt(train.samples());
                    }
                    Map<String, double[][]> projected = project(latent, sites);
                    TransformGradient.Result r = graph.lossAndGradient(projected, train.subset(batch), lambda);
                    if (!Double.isFinite(r.loss())) {
                        return TransformerAlignment.failed(classSet, method(), headMode, a, b,
                                AlignmentStatus.NOT_FINITE, "non-finite loss at step " + step, start);
                    }
                    lastLoss = r.loss();
                    double[] g = new double[size];
                    int k = 0;
                    for (String site : sites.keySet()) {
                        for (double[] row : r.gradient().get(site)) {
                            System.arraycopy(row, 0, g, k, row.length);
                            k += row.length;
                        }
                    }
                    INDArray update = Nd4j.create(g, new long[] {1, size}, 'c');
                    adam.applyUpdater(update, step, 0);
                    double[] u = update.dup('c').data().asDouble();
                    k = 0;
                    for (double[][] w : latent.values()) {
                        for (double[] row : w) {
                            for (int j = 0; j < row.length; j++) {
                                row[j] -= u[k++];
                            }
                        }
                    }
                }
            }
            Map<String, UnitTransform> transforms = new LinkedHashMap<>();
            Map<String, double[][]> fin = project(latent, sites);
            for (Map.Entry<String, SymmetryClass> e : sites.entrySet()) {
                double[][] f = fin.get(e.getKey());
                transforms.put(e.getKey(), switch (e.getValue()) {
                    case PERMUTATION -> UnitTransform.permutation(HeadAndResidualMatching.imagesOf(
                            new UnitTransform(SymmetryClass.PERMUTATION, f, Dense.transpose(f))));
                    case ORTHOGONAL -> new UnitTransform(SymmetryClass.ORTHOGONAL, f, Dense.transpose(f));
                    default -> new UnitTransform(SymmetryClass.INVERTIBLE, f, Dense.inverse(f));
                });
            }
            SymmetryDeclaration d = TransformerSymmetries.declaration(b.architecture());
            TransformerModel aligned = new TransformerModel(b.architecture(), d.apply(b.parameters(), transforms));
            double midpoint = new TransformerGraph(a).evaluate(a.parameters().interpolate(aligned.parameters(), 0.5), train)
                    .loss();
            return new TransformerAlignment(classSet, method(), headMode, a, aligned, transforms, midpoint,
                    s.learnedSteps(), (System.nanoTime() - start) * 1e-9,
                    Double.isFinite(midpoint) ? AlignmentStatus.OK : AlignmentStatus.NOT_FINITE,
                    "last batch loss " + lastLoss);
        } catch (ArithmeticException e) {
            return TransformerAlignment.failed(classSet, method(), headMode, a, b, AlignmentStatus.SINGULAR,
                    e.getMessage(), start);
        }
    }

    /** Each latent projected onto its class: an assignment, a polar factor, or (invertible) the latent itself. */
    static Map<String, double[][]> project(Map<String, double[][]> latent, Map<String, SymmetryClass> sites) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, SymmetryClass> e : sites.entrySet()) {
            double[][] w = latent.get(e.getKey());
            out.put(e.getKey(), switch (e.getValue()) {
                case PERMUTATION, ORTHOGONAL -> HeadAndResidualMatching.residualMap(w, e.getValue()).forward();
                default -> copy(w);
            });
        }
        return out;
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }
}
