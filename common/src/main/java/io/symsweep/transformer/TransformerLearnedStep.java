package io.symsweep.transformer;

import io.symsweep.params.SymmetryClass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of learned matching (permutation+orthogonal, folded models) without the optimiser, for measuring its cost:
 * the host projection of the latent transforms and SameDiff's loss and gradient of {@link TransformGradient}, as
 * {@link TransformerLearnedMatching} runs them (cf. {@link TransformerTraining.Stepper} for training steps).
 */
public final class TransformerLearnedStep {

    private final TransformGradient graph;
    private final Map<String, SymmetryClass> sites;
    private final Map<String, double[][]> latent = new LinkedHashMap<>();

    /** The step for B onto A, latents at the identity. */
    public TransformerLearnedStep(TransformerModel a, TransformerModel b) {
        TransformerModel fa = NormFolding.fold(a);
        TransformerModel fb = NormFolding.fold(b);
        sites = TransformerLearnedMatching.learnedSites(fb.architecture(), TransformerClassSet.PERMUTATION_ORTHOGONAL, null);
        sites.forEach((site, c) -> latent.put(site,
                Dense.identity(TransformerSymmetries.declaration(fb.architecture()).site(site).size())));
        graph = new TransformGradient(fa, fb, sites);
    }

    /** The projection of every latent (assignments and one polar factor). */
    public Map<String, double[][]> project() {
        return TransformerLearnedMatching.project(latent, sites);
    }

    /** Projection, then the loss of {@code batch} at {@code l = 1/2} and its gradient; returns the loss. */
    public double step(SequenceData batch) {
        return graph.lossAndGradient(project(), batch, 0.5).loss();
    }

    /** Ops of the SameDiff graph (transforms, interpolation, forward, loss; the gradient function comes on top). */
    public int opCount() {
        return graph.opCount();
    }
}
