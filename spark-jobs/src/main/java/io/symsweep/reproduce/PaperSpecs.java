package io.symsweep.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.symsweep.experiment.Experiments;
import io.symsweep.sweep.SpecException;
import io.symsweep.sweep.SweepSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper specs at a scale. {@code paper} is {@code paper/<name>.yaml} as it is; another scale is an
 * overlay file ({@code paper/scales/quick.yaml}, {@code paper/scales/large.yaml}, or any file given with
 * {@code --scale-file}) that maps each spec name to dotted paths and the values that replace the paper's:
 * <pre>
 *   figure4:
 *     seeds: 0..3
 *     probe.factors: {log: [1, 12000], points: 13}
 * </pre>
 * Overlays instead of a copy of every spec per scale: the science (data, training, tolerances) has one source,
 * and what a scale changes is read in one place. A path must exist in the paper spec and only
 * {@link #SIZE_AXES} may be overridden, so a typo or a change of the science is an error, not a silent
 * difference between scales. The spec a scale runs is written beside its results ({@code DIR/specs/<name>.yaml}).
 */
public final class PaperSpecs {

    /** The paper specs, in the order they run and appear in the report. */
    public static final List<String> NAMES = List.of("figure4", "figure1", "corollary42", "proposition52",
            "figure3a", "figure3bc", "proposition54", "proposition55", "proposition56",
            "alignment-linear", "alignment-rescaled", "alignment-digits");

    /**
     * The spec paths a scale may override: how many cases a claim is measured on (seeds, samples, grid points,
     * which factors, widths, depths, magnitudes, betas, eps and scalar data are swept; for the alignment specs
     * which architectures, pairs, methods, REPAIR settings and rescaling factors), never how a case is computed.
     */
    public static final List<String> SIZE_AXES = List.of("seeds", "sampling.samples", "architecture.layers",
            "architecture.width", "architecture.eps", "data.x", "data.y", "probe.factors", "probe.curves",
            "probe.magnitudes", "orbit.betas", "dimensions.max", "model.widths", "alignment.pairs",
            "alignment.methods", "alignment.repair", "alignment.rescale_factor");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Path paperDir;
    private final String scale;
    private final Map<String, Map<String, JsonNode>> overrides;

    private PaperSpecs(Path paperDir, String scale, Map<String, Map<String, JsonNode>> overrides) {
        this.paperDir = paperDir;
        this.scale = scale;
        this.overrides = overrides;
    }

    /**
     * The specs of {@code paperDir} at {@code scale} ({@code quick}, {@code paper} or {@code large}), or with the
     * overlay {@code scaleFile} when it is not null.
     */
    public static PaperSpecs at(Path paperDir, String scale, Path scaleFile) {
        if (!Files.isRegularFile(paperDir.resolve("figure4.yaml"))) {
            throw new ReproduceException("--specs: " + paperDir + " holds no paper specs (figure4.yaml, ...)");
        }
        if (scaleFile != null) {
            return new PaperSpecs(paperDir, scaleFile.getFileName().toString().replaceFirst("\\.ya?ml$", ""),
                    readOverlay(scaleFile));
        }
        if (!List.of("quick", "paper", "large").contains(scale)) {
            throw new ReproduceException("--scale: must be quick, paper or large, found " + scale);
        }
        if (scale.equals("paper")) {
            return new PaperSpecs(paperDir, scale, Map.of());
        }
        return new PaperSpecs(paperDir, scale, readOverlay(paperDir.resolve("scales").resolve(scale + ".yaml")));
    }

    /** The scale's name. */
    public String scale() {
        return scale;
    }

    /** The dotted paths this scale overrides in spec {@code name}, with their values as YAML. */
    public Map<String, String> overridesOf(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        overrides.getOrDefault(name, Map.of()).forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    /** The YAML text of spec {@code name} at this scale (comments dropped; a header says where it comes from). */
    public String text(String name) {
        Path file = paperDir.resolve(name + ".yaml");
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReproduceException("cannot read " + file + ": " + e.getMessage());
        }
        if (!(root instanceof ObjectNode spec)) {
            throw new ReproduceException(file + ": not a spec (a mapping of keys)");
        }
        for (Map.Entry<String, JsonNode> o : overrides.getOrDefault(name, Map.of()).entrySet()) {
            set(spec, o.getKey(), o.getValue(), name);
        }
        try {
            return "# symsweep reproduce --scale " + scale + ": paper/" + name + ".yaml"
                    + (overridesOf(name).isEmpty() ? "" : " with " + String.join(", ", overridesOf(name).keySet())
                            + " from the scale's overlay")
                    + "\n" + YAML.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spec {@code name} at this scale, validated. */
    public SweepSpec spec(String name) {
        try {
            return Experiments.reader().parse(text(name));
        } catch (SpecException e) {
            throw new ReproduceException("paper/" + name + ".yaml at scale " + scale + ": " + e.getMessage());
        }
    }

    private static void set(ObjectNode spec, String path, JsonNode value, String name) {
        String[] parts = path.split("\\.");
        ObjectNode node = spec;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (!(next instanceof ObjectNode o)) {
                throw new ReproduceException("scale overlay: " + name + "." + path + ": paper/" + name
                        + ".yaml has no section " + parts[i]);
            }
            node = o;
        }
        String last = parts[parts.length - 1];
        if (!node.has(last)) {
            throw new ReproduceException("scale overlay: " + name + "." + path + ": paper/" + name
                    + ".yaml has no field " + path + " to override");
        }
        node.set(last, value);
    }

    private static Map<String, Map<String, JsonNode>> readOverlay(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ReproduceException("--scale: no overlay file " + file);
        } catch (IOException e) {
            throw new ReproduceException("cannot read the scale overlay " + file + ": " + e.getMessage());
        }
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return out;
        }
        if (!root.isObject()) {
            throw new ReproduceException(file + ": a scale overlay maps spec names to overrides");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NAMES.contains(e.getKey())) {
                throw new ReproduceException(file + ": " + e.getKey() + ": not a paper spec; allowed: "
                        + String.join(", ", NAMES));
            }
            if (!e.getValue().isObject()) {
                throw new ReproduceException(file + ": " + e.getKey() + ": must map dotted paths to values");
            }
            Map<String, JsonNode> paths = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> p = f.next();
                if (!SIZE_AXES.contains(p.getKey())) {
                    throw new ReproduceException(file + ": " + e.getKey() + "." + p.getKey()
                            + ": a scale overrides size axes only: " + String.join(", ", SIZE_AXES));
                }
                paths.put(p.getKey(), p.getValue());
            }
            out.put(e.getKey(), paths);
        }
        return out;
    }

    /** The names of {@code list} in {@link #NAMES} order. */
    public static List<String> ordered(java.util.Collection<String> list) {
        List<String> out = new ArrayList<>();
        for (String n : NAMES) {
            if (list.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
