package io.symsweep.align;

import io.symsweep.params.Site;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;

/** No alignment: {@code B' = B}, the identity at every site (the {@code none} baseline). */
final class IdentityAlignment extends AbstractAligner {

    IdentityAlignment() {
        super(SymmetryClass.NONE, AlignmentMethod.NONE);
    }

    @Override
    public Alignment align(AlignmentProblem p) {
        long start = System.nanoTime();
        if (!p.sameShape()) {
            return Alignment.failed(SymmetryClass.NONE, AlignmentMethod.NONE, p, AlignmentStatus.SINGULAR,
                    "models of different widths cannot be compared without a semi-permutation", start);
        }
        Map<String, UnitTransform> t = new LinkedHashMap<>();
        for (Site s : p.declarationB().sites()) {
            t.put(s.name(), UnitTransform.identity(s.size()));
        }
        return new Alignment(SymmetryClass.NONE, AlignmentMethod.NONE, p.specB(), p.b(), t,
                UnitVectors.inner(p.a(), p.b()), 0, (System.nanoTime() - start) * 1e-9, AlignmentStatus.OK, "");
    }
}
