package io.symsweep.transformer;

import io.symsweep.align.AlignmentMethod;
import io.symsweep.align.AlignmentStatus;
import java.util.Map;

/** No alignment: B' is B (folded like A, so the segment is measured in the parametrisation every method shares). */
final class TransformerIdentityAlignment extends AbstractTransformerAligner {

    TransformerIdentityAlignment() {
        super(TransformerClassSet.NONE, AlignmentMethod.NONE, null);
    }

    @Override
    TransformerAlignment fit(TransformerAlignmentProblem p, TransformerModel a, TransformerModel b, long start) {
        return new TransformerAlignment(classSet(), method(), null, a, b, Map.of(),
                a.parameters().distance(b.parameters()), 0, (System.nanoTime() - start) * 1e-9, AlignmentStatus.OK, "");
    }
}
