package io.symsweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.symsweep.model.Activation;
import io.symsweep.model.MlpArchitecture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's FLOP counts and its output; never its timings. */
class ThroughputBenchTest {

    @Test
    void figure4StepIs33728Flop() {
        // forward 2*1312*4 = 10496, hidden activations 72*4 = 288, loss and output gradient 4*4*4 = 64,
        // weight gradients 10496, backpropagation 2*(1312-128)*4 = 9472, derivatives 288, update 2*1312 = 2624
        assertEquals(33_728, ThroughputBench.flopsPerStep(BenchNetwork.FIGURE4.architecture(), 4));
        // interpolation 3*1312, forward 10496, activations 288, loss 3*4*4
        assertEquals(14_768, ThroughputBench.flopsPerProbe(BenchNetwork.FIGURE4.architecture(), 4));
    }

    @Test
    void networksByNameOrLabel() {
        assertEquals(BenchNetwork.FIGURE4, BenchNetwork.parse("figure4", 0));
        assertEquals(5, BenchNetwork.parse("deep-linear", 5).samples());
        BenchNetwork custom = BenchNetwork.parse("mlp[3,7,2]/relu", 6);
        assertEquals(new MlpArchitecture(new int[] {3, 7, 2}, Activation.relu()), custom.architecture());
        assertEquals(6, custom.samples());
        assertThrows(IllegalArgumentException.class, () -> BenchNetwork.parse("resnet", 0));
    }

    @Test
    void aShortRunReportsEveryFigure() {
        ThroughputBench.Options o = new ThroughputBench.Options(BenchNetwork.DEEP_LINEAR, 16, 4, 3, 0, 0.001, true);
        Map<String, Object> json = ThroughputBench.run(o).toJson();
        for (String key : new String[] {"dl4j_us_per_step", "dense_us_per_step", "dense_batched_us_per_step",
                "probe_evals_per_second", "dl4j_gflops", "dense_batched_gflops", "dense_vs_batched"}) {
            double v = (Double) json.get(key);
            assertTrue(v > 0 && Double.isFinite(v), key + " = " + v);
        }
        assertEquals("deep-linear", json.get("network"));
        // The derived figures follow from the measured ones by their definitions (units: us, GFLOP/s).
        double flops = (Double) json.get("flops_per_step");
        for (String way : new String[] {"dl4j", "dense", "dense_batched"}) {
            double us = (Double) json.get(way + "_us_per_step");
            assertEquals(flops / us * 1e-3, (Double) json.get(way + "_gflops"), 1e-12 * flops / us, way);
        }
        assertEquals((Double) json.get("dense_us_per_step") / (Double) json.get("dense_batched_us_per_step"),
                (Double) json.get("dense_vs_batched"), 1e-12);
        assertEquals((Double) json.get("probe_evals_per_second") * (Double) json.get("flops_per_probe_eval") * 1e-9,
                (Double) json.get("probe_gflops"), 1e-9 * (Double) json.get("probe_gflops"));
        assertEquals(3, json.get("repeats"));
        // One thread cannot use more CPU time than wall time (5% for timer granularity).
        @SuppressWarnings("unchecked")
        Map<String, Object> cpu = (Map<String, Object>) json.get("thread_cpu_time");
        for (String key : new String[] {"dense_us_per_step", "dense_batched_us_per_step"}) {
            assertTrue((Double) cpu.get(key) <= 1.05 * (Double) json.get(key) + 0.05, key + ": CPU " + cpu.get(key)
                    + " > wall " + json.get(key));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> spread = (Map<String, Object>) json.get("spread_max_over_min");
        spread.values().forEach(v -> assertTrue((Double) v >= 1, "max over min of the repeats is >= 1: " + v));
    }
}
