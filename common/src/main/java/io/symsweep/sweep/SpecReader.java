package io.symsweep.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a YAML sweep spec and validates it against its kind's fields. The document is walked in order
 * and the first problem is reported as one {@link SpecException}: unknown keys (with a suggestion), wrong
 * types, empty lists, out-of-range values, then missing required fields.
 */
public final class SpecReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /** Fields every spec has, whatever its kind: the execution settings, then the seeds. */
    public static final List<SpecField> COMMON_FIELDS = java.util.stream.Stream.concat(
            ExecutionSettings.FIELDS.stream(), java.util.stream.Stream.of(
            SpecField.integer("seeds", "random seeds: an integer, a list, a range, or \"a..b\"")
                    .key(Configuration.SEED).required().checked(Check.atLeast(0)))).toList();

    private final Map<String, ExperimentKind> kinds;

    /** A reader for the given experiment kinds. */
    public SpecReader(List<? extends ExperimentKind> kinds) {
        this.kinds = new LinkedHashMap<>();
        for (ExperimentKind k : kinds) {
            this.kinds.put(k.name(), k);
        }
    }

    /**
     * Reads and validates {@code file}: its text is checked first ({@link SpecText}: size, encoding, line
     * length), then its YAML ({@link SpecTree}: one document, no aliases or tags), then every field.
     */
    public SweepSpec read(Path file) {
        return parse(SpecText.read(file), file.toString());
    }

    /** Validates the YAML text of a spec. */
    public SweepSpec parse(String yaml) {
        return parse(yaml, null);
    }

    /** Validates the YAML text of a spec read from {@code source} (named in whole-file errors; may be null). */
    public SweepSpec parse(String yaml, String source) {
        SpecText.checkText(yaml, source);
        JsonNode root = SpecTree.parse(yaml, source);
        if (root == null || root.isMissingNode() || root.isNull() || (root.isTextual() && root.textValue().isEmpty())) {
            throw SpecException.ofSpec(source, "the spec is empty; it needs name, kind, seeds and the kind's sections");
        }
        if (!root.isObject()) {
            throw SpecException.ofSpec(source, "the spec must be a mapping of keys (name, kind, ...), found "
                    + SpecValues.show(root));
        }
        String name = nameOf(root);
        ExperimentKind kind = kindOf(root);
        List<SpecField> fields = new ArrayList<>();
        fields.addAll(kind.fields());
        fields.addAll(COMMON_FIELDS);
        Map<String, SpecField> byPath = new LinkedHashMap<>();
        for (SpecField f : fields) {
            byPath.put(f.path(), f);
        }
        Map<String, List<Object>> found = new LinkedHashMap<>();
        walk(root, "", byPath, found);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        Map<String, Object> execution = new LinkedHashMap<>();
        for (SpecField f : fields) {
            List<Object> v = found.get(f.path());
            if (v == null) {
                if (f.mandatory()) {
                    throw new SpecException(f.path(), "missing; required: " + f.allowed() + " (" + f.doc() + ")");
                }
                if (f.defaultValue() == null) {
                    continue;
                }
                v = List.of(f.defaultValue());
            }
            if (f.hashed()) {
                axes.put(f.configKey(), v);
            } else {
                execution.put(f.configKey(), v.get(0));
            }
        }
        return new SweepSpec(name, kind, kind.axes(axes), execution);
    }

    private static String nameOf(JsonNode root) {
        JsonNode n = root.get("name");
        if (n == null) {
            throw new SpecException("name", "missing; required: a name of letters, digits, '_', '.', '-'");
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new SpecException("name", "must be a string, found " + SpecValues.show(n));
        }
        String name = n.asText();
        if (!NAME.matcher(name).matches()) {
            throw new SpecException("name", "must be 1-100 letters, digits, '_', '.' or '-' (it names the output "
                    + "folder), starting with a letter or digit; found " + SpecValues.show(n));
        }
        return name;
    }

    private ExperimentKind kindOf(JsonNode root) {
        JsonNode k = root.get("kind");
        String allowed = String.join(", ", kinds.keySet());
        if (k == null) {
            throw new SpecException("kind", "missing; required: one of " + allowed);
        }
        ExperimentKind kind = k.isTextual() ? kinds.get(k.textValue()) : null;
        if (kind == null) {
            String hint = k.isTextual() && Suggestions.closest(k.textValue(), kinds.keySet()) != null
                    ? " (did you mean " + Suggestions.closest(k.textValue(), kinds.keySet()) + "?)" : "";
            throw new SpecException("kind", "must be one of " + allowed + "; found " + SpecValues.show(k) + hint);
        }
        return kind;
    }

    /** Visits the document in order; every key is a field, a section holding fields, or an error. */
    private void walk(JsonNode node, String prefix, Map<String, SpecField> byPath, Map<String, List<Object>> found) {
        Set<String> allowedHere = new LinkedHashSet<>();
        if (prefix.isEmpty()) {
            allowedHere.add("name");
            allowedHere.add("kind");
        }
        allowedHere.addAll(childrenOf(prefix, byPath.keySet()));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (prefix.isEmpty() && (key.equals("name") || key.equals("kind"))) {
                continue;
            }
            SpecField field = byPath.get(path);
            if (field != null) {
                if (e.getValue().isNull()) {
                    throw new SpecException(path, "must be " + field.allowed()
                            + (field.mandatory() ? "" : " (or leave the key out for the default)")
                            + ", found no value");
                }
                found.put(path, ValueExpander.expand(field, e.getValue(), path));
                continue;
            }
            if (allowedHere.contains(key)) {
                if (!e.getValue().isObject()) {
                    throw new SpecException(path, "must be a section of keys ("
                            + String.join(", ", childrenOf(path, byPath.keySet())) + "), found "
                            + SpecValues.show(e.getValue()));
                }
                walk(e.getValue(), path, byPath, found);
                continue;
            }
            if (key.equals("<<")) {
                throw new SpecException(path, "is a YAML merge key; a spec has no merge keys, write the keys out");
            }
            String hint = Suggestions.closest(key, allowedHere);
            throw new SpecException(path, "unknown key; allowed here: " + String.join(", ", allowedHere)
                    + (hint == null ? "" : " (did you mean " + hint + "?)"));
        }
    }

    /** The next path segments below {@code prefix}. */
    private static Set<String> childrenOf(String prefix, Set<String> paths) {
        Set<String> out = new LinkedHashSet<>();
        String p = prefix.isEmpty() ? "" : prefix + ".";
        for (String path : paths) {
            if (path.startsWith(p)) {
                String rest = path.substring(p.length());
                int dot = rest.indexOf('.');
                out.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return out;
    }
}
