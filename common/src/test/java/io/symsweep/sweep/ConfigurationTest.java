package io.symsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.symsweep.experiment.Experiments;
import io.symsweep.experiment.RescalingBarrier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The canonical form and id of a configuration: golden values, order independence, exact round trips. */
class ConfigurationTest {

    private static final RescalingBarrier KIND = new RescalingBarrier();

    /** One hand-written configuration of the rescaling-barrier kind, every field given. */
    private static Map<String, Object> handWritten() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture.widths", List.of(8L, 16L, 4L));
        m.put("architecture.activation", "leaky_relu");
        m.put("architecture.slope", 0.01);
        m.put("data.samples", 4L);
        m.put("training.engine", "dense");
        m.put("training.learning_rate", 0.01);
        m.put("training.steps", 200_000L);
        m.put("training.loss_tolerance", 1e-26);
        m.put("training.init", "lecun_normal");
        m.put("training.init_scale", 1.0);
        m.put("probe.factor", 1.5);
        m.put("probe.alpha_points", 25L);
        m.put("probe.rescaled_layer", 1L);
        m.put("seed", 7L);
        return m;
    }

    private static Configuration of(Map<String, Object> values) {
        return new Configuration(RescalingBarrier.NAME, new TreeMap<>(values));
    }

    private static Configuration parse(String canonical) {
        return Configuration.parse(canonical, KIND, SpecReader.COMMON_FIELDS);
    }

    /** {@code agreesOn} is equality of the projections, without building them. */
    @Test
    void agreementOnSomeKeysIsEqualityOfTheProjections() {
        Configuration c = of(handWritten());
        java.util.function.Predicate<String> training = k -> k.startsWith("training.");
        java.util.function.Predicate<String> notProbe = k -> !k.startsWith("probe.");
        List<Configuration> others = List.of(c, c.with("probe.factor", 2.0), c.with("training.steps", 7L),
                c.with("training.momentum", 0.5), c.with("training.init", null), c.with("data.samples", 5L));
        for (Configuration d : others) {
            for (java.util.function.Predicate<String> keys : List.of(training, notProbe)) {
                assertEquals(c.project(keys).equals(d.project(keys)), c.agreesOn(d, keys), d.toString());
                assertEquals(c.project(keys).equals(d.project(keys)), d.agreesOn(c, keys), d.toString());
            }
        }
        assertEquals(true, c.agreesOn(c.with("probe.factor", 2.0), notProbe));
        assertEquals(false, c.agreesOn(c.with("training.steps", 7L), notProbe));
        assertEquals(false, c.agreesOn(new Configuration("symmetry-curve", c.values()), training));
    }

    @Test
    void canonicalFormIsGolden() {
        // Keys sorted, "kind" among them; numbers in shortest decimal (1.0 is 1, 1e-26 is 1E-26); no spaces.
        assertEquals("{\"architecture.activation\":\"leaky_relu\",\"architecture.slope\":0.01,"
                + "\"architecture.widths\":[8,16,4],\"data.samples\":4,\"kind\":\"rescaling-barrier\","
                + "\"probe.alpha_points\":25,\"probe.factor\":1.5,\"probe.rescaled_layer\":1,\"seed\":7,"
                + "\"training.engine\":\"dense\",\"training.init\":\"lecun_normal\",\"training.init_scale\":1,"
                + "\"training.learning_rate\":0.01,\"training.loss_tolerance\":1E-26,\"training.steps\":200000}",
                of(handWritten()).canonicalForm());
    }

    @Test
    void idIsGolden() throws Exception {
        Configuration c = of(handWritten());
        // Generator: the first 16 hex digits of SHA-256 over the UTF-8 canonical form.
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(c.canonicalForm().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(hash).substring(0, 16), c.id());
        assertEquals("f00cc9fcb8921870", c.id());
    }

    @Test
    void idDoesNotDependOnInsertionOrder() {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(handWritten().entrySet());
        String expected = of(handWritten()).id();
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(entries, new java.util.Random(random.nextLong()));
            Map<String, Object> shuffled = new LinkedHashMap<>();
            entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
            assertEquals(expected, new Configuration(RescalingBarrier.NAME, new TreeMap<>(shuffled)).id());
        }
    }

    @Test
    void idChangesWithAnyValueOrTheKind() {
        Configuration c = of(handWritten());
        assertNotEquals(c.id(), c.with("seed", 8L).id());
        assertNotEquals(c.id(), c.with("probe.factor", Math.nextUp(1.5)).id());
        assertNotEquals(c.id(), c.with("architecture.widths", List.of(8L, 16L, 5L)).id());
        assertNotEquals(c.id(), new Configuration("other-kind", c.values()).id());
    }

    @Test
    void parseRoundTripsTheCanonicalForm() {
        Configuration c = of(handWritten());
        Configuration back = parse(c.canonicalForm());
        assertEquals(c, back);
        assertEquals(c.canonicalForm(), back.canonicalForm());
        assertEquals(Long.class, back.values().get("seed").getClass());
        assertEquals(Double.class, back.values().get("training.init_scale").getClass(), "1 is read as 1.0");
    }

    @Test
    void parseRoundTripsTrickyDoublesBitForBit() {
        double[] tricky = {0.1, 1.0 / 3, 1e-26, 2e23, 1e20, 1e21, 12000, Double.MIN_VALUE, Double.MAX_VALUE,
            Math.scalb(1.0, 60), Math.scalb(1.0, -1017), Math.nextUp(1.0), 0.1 + 0.2, Math.pow(12000, 1.0 / 40)};
        Configuration base = of(handWritten());
        for (double d : tricky) {
            Configuration c = base.with("probe.factor", d).with("training.loss_tolerance", d / 7);
            Configuration back = parse(c.canonicalForm());
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(((Double) back.values().get("probe.factor"))),
                    "factor " + d);
            assertEquals(Double.doubleToRawLongBits(d / 7),
                    Double.doubleToRawLongBits(((Double) back.values().get("training.loss_tolerance"))), "tolerance " + d / 7);
            assertEquals(c.id(), back.id());
        }
    }

    @Test
    void everyFigure4ConfigurationRoundTrips() {
        // 1280 configurations, with the 41 log-spaced factors 12000^(i/40).
        List<Configuration> configs = Experiments.reader().read(Path.of("../paper/figure4.yaml")).configurations();
        for (Configuration c : configs) {
            Configuration back = parse(c.canonicalForm());
            assertEquals(c, back, c.canonicalForm());
            assertEquals(c.id(), back.id());
        }
    }

    @Test
    void projectionKeepsOnlyTheChosenKeys() {
        Configuration c = of(handWritten());
        Configuration minimum = KIND.minimumOf(c);
        assertEquals(List.of("architecture.activation", "architecture.slope", "architecture.widths", "data.samples",
                "seed", "training.engine", "training.init", "training.init_scale", "training.learning_rate",
                "training.loss_tolerance", "training.steps"), List.copyOf(minimum.values().keySet()));
        assertEquals(minimum.id(), KIND.minimumOf(c.with("probe.factor", 12000.0)).id(), "probes share a minimum");
    }
}
