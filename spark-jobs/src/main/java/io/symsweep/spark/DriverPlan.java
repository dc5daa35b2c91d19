package io.symsweep.spark;

import io.symsweep.experiment.Experiment;
import io.symsweep.experiment.TwoStageExperiment;
import io.symsweep.sweep.Configuration;
import io.symsweep.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SweepPlan} made on the driver: every configuration is in memory with its id, and the committed ids of
 * each table are a set. Batches of probes close at {@code batchSize} configurations or at
 * {@value #MAX_ARTEFACTS_PER_PROBE_BATCH} distinct artefacts (whose rows the driver brings through for the batch).
 */
final class DriverPlan implements SweepPlan {

    /** Artefacts whose rows one probe batch brings through the driver, at most. */
    static final int MAX_ARTEFACTS_PER_PROBE_BATCH = 2_000;

    private final List<Configuration> artefacts;
    private final List<List<PendingGroup>> batches;
    private final Map<String, Long> planned = new LinkedHashMap<>();
    private final Map<String, Long> pending = new LinkedHashMap<>();

    /**
     * The plan of {@code configurations} of {@code kind}, given the ids each of its tables holds.
     *
     * @param committed table name to the ids it holds
     */
    DriverPlan(Experiment kind, List<Configuration> configurations, Map<String, Set<String>> committed,
            int batchSize) {
        List<Table<?>> probeTables = kind instanceof TwoStageExperiment<?> t ? t.probeTables() : kind.tables();
        Map<List<String>, List<PendingProbe>> groups = new LinkedHashMap<>();
        Map<String, Configuration> needed = new LinkedHashMap<>();
        Set<String> allArtefacts = new HashSet<>();
        for (Table<?> t : probeTables) {
            planned.put(t.name(), 0L);
            pending.put(t.name(), 0L);
        }
        for (Configuration c : configurations) {
            String id = c.id();
            Set<String> missing = new LinkedHashSet<>();
            for (Table<?> t : kind instanceof TwoStageExperiment<?> ts ? ts.probeTablesOf(c) : probeTables) {
                planned.merge(t.name(), 1L, Long::sum);
                if (!committed.get(t.name()).contains(id)) {
                    missing.add(t.name());
                    pending.merge(t.name(), 1L, Long::sum);
                }
            }
            List<Configuration> as = kind instanceof TwoStageExperiment<?> t ? t.artefactsOf(c) : List.of();
            List<String> artefactIds = new ArrayList<>(as.size());
            for (Configuration a : as) {
                String aid = a.id();
                artefactIds.add(aid);
                allArtefacts.add(aid);
                if (!missing.isEmpty()) {
                    needed.putIfAbsent(aid, a);
                }
            }
            if (!missing.isEmpty()) {
                PendingProbe p = new PendingProbe(c, missing);
                // An independent configuration shares nothing: its own group.
                groups.computeIfAbsent(as.isEmpty() ? List.of(id) : artefactIds, k -> new ArrayList<>()).add(p);
            }
        }
        this.artefacts = new ArrayList<>();
        if (kind instanceof TwoStageExperiment<?> t) {
            Set<String> produced = committed.get(t.artefactTable().name());
            needed.forEach((aid, a) -> {
                if (!produced.contains(aid)) {
                    artefacts.add(a);
                }
            });
            planned.put(t.artefactTable().name(), (long) allArtefacts.size());
            pending.put(t.artefactTable().name(), (long) artefacts.size());
        }
        this.batches = batches(groups, kind instanceof TwoStageExperiment<?>, batchSize);
    }

    private static List<List<PendingGroup>> batches(Map<List<String>, List<PendingProbe>> groups, boolean twoStage,
            int batchSize) {
        List<List<PendingGroup>> out = new ArrayList<>();
        List<PendingGroup> current = new ArrayList<>();
        Set<String> artefactsInBatch = new HashSet<>();
        int probes = 0;
        for (Map.Entry<List<String>, List<PendingProbe>> e : groups.entrySet()) {
            int n = e.getValue().size();
            List<String> ids = twoStage ? e.getKey() : List.of();
            long more = ids.stream().filter(a -> !artefactsInBatch.contains(a)).distinct().count();
            if (!current.isEmpty() && (probes + n > batchSize
                    || artefactsInBatch.size() + more > MAX_ARTEFACTS_PER_PROBE_BATCH)) {
                out.add(current);
                current = new ArrayList<>();
                artefactsInBatch.clear();
                probes = 0;
            }
            current.add(new PendingGroup(ids, e.getValue()));
            artefactsInBatch.addAll(ids);
            probes += n;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    @Override
    public List<Configuration> artefactsToProduce() {
        return artefacts;
    }

    @Override
    public List<List<PendingGroup>> probeBatches() {
        return batches;
    }

    @Override
    public Map<String, Long> planned() {
        return planned;
    }

    @Override
    public Map<String, Long> pending() {
        return pending;
    }
}
