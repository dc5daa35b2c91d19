package io.symsweep.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.sweep.Configuration;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.sweep.SweepSpec;
import io.symsweep.table.BarrierRow;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batched stages of {@code rescaling-barrier} give bitwise the rows of the one-by-one stages. */
class RescalingBarrierBatchTest {

    private static final String SPEC = """
            name: batch
            kind: rescaling-barrier
            architecture:
              widths: [[3, 8, 8, 2], [4, 6, 2]]
              activation: leaky_relu
            data:
              samples: [3, 4]
            training:
              learning_rate: [0.05, 0.02]
              steps: 400
              loss_tolerance: [0, 1.0e-3]
            seeds: 0..4
            probe:
              factors: [1.5, 10, 1000]
              alpha_points: [25, 27]
            """;

    private final RescalingBarrier kind = new RescalingBarrier();

    @Test
    void trainAllAndProbeAllAreBitwiseOneByOne() {
        SweepSpec spec = Experiments.reader().parse(SPEC);
        List<Configuration> configurations = spec.configurations();
        Map<String, Configuration> minimaById = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            minimaById.putIfAbsent(kind.minimumOf(c).id(), kind.minimumOf(c));
        }
        List<Configuration> minima = new ArrayList<>(minimaById.values());
        Collections.shuffle(minima, new Random(1));
        assertEquals(80, minima.size(), "2 architectures x 2 sample counts x 2 rates x 2 tolerances x 5 seeds");

        List<MinimumRow> batched = kind.produce(minima, "t", ExecutionSettings.AUTOMATIC);
        List<MinimumRow> batchedBy8 = kind.produce(minima, "t", new ExecutionSettings(8));
        for (int i = 0; i < minima.size(); i++) {
            MinimumRow alone = Stages.train(kind, minima.get(i));
            assertSameRow(MinimumRow.TABLE, alone, batched.get(i));
            assertSameRow(MinimumRow.TABLE, alone, batchedBy8.get(i));
        }

        Map<String, MinimumRow> byId = new LinkedHashMap<>();
        batched.forEach(m -> byId.put(m.provenance().configId(), m));
        Map<String, List<Configuration>> probes = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            probes.computeIfAbsent(kind.minimumOf(c).id(), k -> new ArrayList<>()).add(c);
        }
        int checked = 0;
        for (Map.Entry<String, List<Configuration>> e : probes.entrySet()) {
            MinimumRow m = byId.get(e.getKey());
            List<BarrierRow> rows = BarrierProbes.probe(e.getValue(), m, "t", ExecutionSettings.AUTOMATIC);
            for (int i = 0; i < rows.size(); i++) {
                assertSameRow(BarrierRow.TABLE, Stages.barrier(e.getValue().get(i), m), rows.get(i));
                checked++;
            }
        }
        assertEquals(configurations.size(), checked);
    }

    @Test
    void aProbeOfAnotherMinimumIsRefused() {
        List<Configuration> cs = Experiments.reader().parse(SPEC).configurations();
        Configuration a = cs.get(0);
        Configuration other = cs.stream().filter(c -> !kind.minimumOf(c).id().equals(kind.minimumOf(a).id()))
                .findFirst().orElseThrow();
        MinimumRow m = Stages.train(kind, a);
        assertThrows(IllegalArgumentException.class,
                () -> BarrierProbes.probe(List.of(a, other), m, "t", ExecutionSettings.AUTOMATIC));
    }

    /** Every column equal, bitwise for doubles, except {@code train_seconds}. */
    static <R> void assertSameRow(Table<R> table, R expected, R actual) {
        Object[] e = table.values(expected);
        Object[] a = table.values(actual);
        for (int i = 0; i < e.length; i++) {
            String column = table.columns().get(i).name();
            if (!column.equals("train_seconds")) {
                assertTrue(Objects.deepEquals(e[i], a[i]), table.name() + " column " + column + " differs");
            }
        }
    }
}
