package io.symsweep.align;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.symsweep.params.SymmetryClass;
import io.symsweep.params.UnitTransform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A site-to-transform map as JSON, for the {@code transform} column. A map with one nonzero per row and per
 * column (permutations, {@code P D}) is written sparsely: {@code {"class": "permutation", "images": [...]}} with
 * {@code images[j]} the position unit {@code j} moves to, and {@code "scales": [...]} (the nonzero of column
 * {@code j}) unless every one is 1. Any other map is written densely: {@code "forward"} and {@code "backward"} as
 * arrays of rows. Numbers are written in Java's shortest round-trip form, so {@link #read} restores the forward
 * maps exactly (a sparse map's backward as {@code 1 / scale}, within one rounding).
 */
public final class TransformJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransformJson() {
    }

    /** The JSON text of {@code transforms}, sites in order. */
    public static String write(Map<String, UnitTransform> transforms) {
        ObjectNode root = JSON.createObjectNode();
        transforms.forEach((site, t) -> root.set(site, node(t)));
        return root.toString();
    }

    private static ObjectNode node(UnitTransform t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("class", t.symmetryClass().specName());
        double[][] f = t.forward();
        int m = f.length;
        int n = f[0].length;
        int[] images = m == n ? monomialImages(f) : null;
        if (images != null) {
            ArrayNode im = o.putArray("images");
            boolean allOnes = true;
            for (int j = 0; j < n; j++) {
                im.add(images[j]);
                allOnes &= f[images[j]][j] == 1;
            }
            if (!allOnes) {
                ArrayNode sc = o.putArray("scales");
                for (int j = 0; j < n; j++) {
                    sc.add(f[images[j]][j]);
                }
            }
            return o;
        }
        o.set("forward", rows(f));
        o.set("backward", rows(t.backward()));
        return o;
    }

    /** For a square matrix with exactly one nonzero per row and column, the row of each column's nonzero. */
    private static int[] monomialImages(double[][] f) {
        int n = f.length;
        int[] images = new int[n];
        boolean[] rowUsed = new boolean[n];
        for (int j = 0; j < n; j++) {
            int found = -1;
            for (int i = 0; i < n; i++) {
                if (f[i][j] != 0) {
                    if (found >= 0) {
                        return null;
                    }
                    found = i;
                }
            }
            if (found < 0 || rowUsed[found]) {
                return null;
            }
            rowUsed[found] = true;
            images[j] = found;
        }
        return images;
    }

    private static ArrayNode rows(double[][] a) {
        ArrayNode out = JSON.createArrayNode();
        for (double[] row : a) {
            ArrayNode r = out.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        return out;
    }

    /** The maps of {@link #write}'s text. */
    public static Map<String, UnitTransform> read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, UnitTransform> out = new LinkedHashMap<>();
            var fields = root.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                JsonNode o = e.getValue();
                SymmetryClass c = SymmetryClass.fromSpecName(o.get("class").asText());
                if (o.has("images")) {
                    int n = o.get("images").size();
                    double[][] f = new double[n][n];
                    double[][] b = new double[n][n];
                    for (int j = 0; j < n; j++) {
                        int i = o.get("images").get(j).asInt();
                        double s = o.has("scales") ? o.get("scales").get(j).asDouble() : 1;
                        f[i][j] = s;
                        b[j][i] = 1 / s;
                    }
                    out.put(e.getKey(), new UnitTransform(c, f, b));
                } else {
                    out.put(e.getKey(), new UnitTransform(c, matrix(o.get("forward")), matrix(o.get("backward"))));
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a transform JSON: " + e.getMessage(), e);
        }
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] a = new double[rows.size()][];
        for (int i = 0; i < a.length; i++) {
            JsonNode r = rows.get(i);
            a[i] = new double[r.size()];
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] = r.get(j).asDouble();
            }
        }
        return a;
    }
}
