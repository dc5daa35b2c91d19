package io.symsweep.experiment;

import io.symsweep.engine.Engine;
import io.symsweep.model.RegressionData;
import io.symsweep.sweep.ExecutionSettings;
import io.symsweep.table.MinimumRow;
import io.symsweep.table.Provenance;
import io.symsweep.train.TrainingProblem;
import io.symsweep.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 1 of the kinds that probe trained minima: trains many minima at once into {@code minima} rows, in the order
 * given. The dense engine trains minima of one shape (architecture and samples) as SIMD batches; every row is
 * bitwise the one training it alone gives, but {@code train_seconds}, which for a batched minimum is its batch's
 * wall time divided by the batch's size.
 */
final class MinimumTraining {

    private MinimumTraining() {
    }

    static List<MinimumRow> train(List<MinimumSettings> minima, String sweep, ExecutionSettings execution) {
        Map<String, List<Integer>> byEngine = new LinkedHashMap<>();
        List<TrainingProblem> problems = new ArrayList<>();
        for (int i = 0; i < minima.size(); i++) {
            problems.add(minima.get(i).problem());
            byEngine.computeIfAbsent(minima.get(i).engine().name(), k -> new ArrayList<>()).add(i);
        }
        MinimumRow[] rows = new MinimumRow[minima.size()];
        for (Map.Entry<String, List<Integer>> e : byEngine.entrySet()) {
            Engine engine = Engine.named(e.getKey());
            List<TrainingResult> results = engine.trainAll(e.getValue().stream().map(problems::get).toList(),
                    execution.batchSize());
            for (int j = 0; j < results.size(); j++) {
                int i = e.getValue().get(j);
                MinimumSettings m = minima.get(i);
                TrainingResult r = results.get(j);
                RegressionData data = problems.get(i).data();
                rows[i] = new MinimumRow(Provenance.of(m.configuration(), sweep), m.kind(),
                        r.weights().architecture().label(), engine.name(), r.steps(), r.finalLoss(), r.status(),
                        r.seconds(), r.weights().layers(), data.yNorm2(), data.x(), data.y());
            }
        }
        return List.of(rows);
    }
}
