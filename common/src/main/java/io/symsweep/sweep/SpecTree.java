package io.symsweep.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The YAML of a spec as a Jackson tree, built from the token stream of Jackson's YAML parser (SnakeYAML's
 * event parser underneath, which never expands aliases) with the restrictions a spec needs, each a
 * {@link SpecException} naming the path:
 * <ul>
 *   <li>one document: a second one ({@code ---}) is an error, not ignored;</li>
 *   <li>no aliases ({@code *name}): Jackson would read one as the string {@code "name"}; anchors alone
 *       ({@code &name}) are harmless and ignored;</li>
 *   <li>no explicit tags ({@code !!float}, {@code !local}): Jackson honours some core-schema tags and drops the
 *       others without a word;</li>
 *   <li>at most {@link #MAX_DEPTH} levels of nesting (a spec has four: {@code probe.factors[0].log[1]});</li>
 *   <li>each key once per mapping.</li>
 * </ul>
 * YAML's non-finite floats ({@code .nan}, {@code .inf}, {@code -.inf}) become {@code DoubleNode}s holding NaN
 * or an infinity, so the field's check can name them; a number beyond the range of a double stays exact as
 * a {@code DecimalNode} (whose {@code doubleValue()} is infinite), so the two can be told apart.
 */
final class SpecTree {

    /** Deepest nesting of mappings and lists. */
    static final int MAX_DEPTH = 32;

    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";

    // From new YAMLFactory(): YAMLFactory.builder() starts with other parser features (EMPTY_STRING_AS_NULL off).
    private static final YAMLFactory FACTORY = new YAMLFactory().rebuild()
            .loaderOptions(loaderOptions())
            // Below Jackson's own limit of 1000, above any spec; the tree builder stops at MAX_DEPTH first.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 8)
                    .maxDocumentLength(SpecText.MAX_BYTES + 1L).build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonParser p;
    private final String source;

    private SpecTree(JsonParser p, String source) {
        this.p = p;
        this.source = source;
    }

    /**
     * SnakeYAML's options. Only the code point limit acts on the event parser Jackson uses; alias expansion,
     * recursion, duplicate keys and nesting depth are limits of SnakeYAML's composer, which Jackson does not
     * run, so this class enforces its own.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(SpecText.MAX_BYTES);
        return o;
    }

    /** The tree of {@code yaml}, or null for an empty document. {@code source} names the file, or is null. */
    static JsonNode parse(String yaml, String source) {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            JsonNode root = new SpecTree(p, source).value(t, 0);
            if (p.nextToken() != null) {
                throw SpecException.ofSpec(source, "holds a second YAML document, starting at line "
                        + p.currentTokenLocation().getLineNr() + "; a spec is one document (remove the ---)");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw error(source, pathOf(e), "not valid YAML: " + e.getOriginalMessage().replaceAll(" \\(from `.*", ""));
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string", e);
        }
    }

    /**
     * {@code not valid YAML (line 12, column 18): mapping values are not allowed here}: SnakeYAML's problem
     * (not its context, "while scanning ...") at the problem's position, under the path where the parser was.
     */
    private static SpecException syntaxError(JsonProcessingException e, String source) {
        String problem = null;
        Mark mark = null;
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
            problem = m.getProblem();
            mark = m.getProblemMark();
        }
        if (problem == null) {
            problem = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
        }
        // Jackson's own columns for YAML point past the token; SnakeYAML's marks are exact.
        String where = mark != null ? " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"
                : e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
        String path = pathOf(e);
        if (problem.startsWith("Expected a field name")) {
            // The parser is in the mapping that holds the bad key; its current name is the key before it.
            problem = "a key must be a name, found a list or a mapping";
            path = e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext().getParent()) : "";
        }
        return error(source, path, "not valid YAML" + where + ": " + problem.strip());
    }

    /** An error at {@code path}, or of the whole spec (naming {@code source}) when the path is empty. */
    private static SpecException error(String source, String path, String detail) {
        return path.isEmpty() ? SpecException.ofSpec(source, detail) : new SpecException(path, detail);
    }

    private JsonNode value(JsonToken t, int depth) throws IOException {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw error(source, here(), "is a YAML alias (*" + p.getText() + "); a spec has no aliases, "
                    + "write the value out");
        }
        Object tag = p.getTypeId();
        if (tag != null) {
            throw error(source, here(), "has the YAML tag " + shortTag(tag.toString()) + "; a spec has no "
                    + "tags, remove it");
        }
        switch (t) {
            case START_OBJECT -> {
                checkDepth(depth);
                ObjectNode node = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    if (node.has(name)) {
                        throw error(source, here(), "must appear once in its section, found it again at line "
                                + p.currentTokenLocation().getLineNr());
                    }
                    node.set(name, value(p.nextToken(), depth + 1));
                }
                return node;
            }
            case START_ARRAY -> {
                checkDepth(depth);
                ArrayNode node = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    node.add(value(e, depth + 1));
                }
                return node;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                String text = p.getText();
                if (NON_FINITE.matcher(text).matches()) {
                    return NODES.numberNode(text.contains("nan") || text.contains("NaN") || text.contains("NAN")
                            ? Double.NaN : text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
                double d = p.getDoubleValue();
                return Double.isInfinite(d) ? NODES.numberNode(p.getDecimalValue()) : NODES.numberNode(d);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw error(source, here(), "not valid YAML: unexpected " + t);
        }
    }

    private void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw error(source, here(), "nested more than " + MAX_DEPTH + " levels deep; a spec needs a few");
        }
    }

    /**
     * The tag as written: {@code !!float} for the core schema's, {@code !name} for a local one (Jackson drops
     * its {@code !}), a global one ({@code tag:example.com,2000:x}) in full.
     */
    private static String shortTag(String tag) {
        if (tag.startsWith(CORE_TAG_PREFIX)) {
            return "!!" + tag.substring(CORE_TAG_PREFIX.length());
        }
        return tag.contains(":") || tag.startsWith("!") ? tag : "!" + tag;
    }

    private static String pathOf(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : "";
    }

    /** The path of the current token; a list's own path at its start, not that of its first element. */
    private String here() {
        JsonStreamContext c = p.getParsingContext();
        return pathOf(p.currentToken() == JsonToken.START_ARRAY ? c.getParent() : c);
    }

    /** The dotted path ({@code probe.factors[2]}) of where a parser is; empty at the top. */
    static String pathOf(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                segments.add(0, c.getCurrentName());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append(b.length() == 0 || s.startsWith("[") ? "" : ".").append(s);
        }
        return b.toString();
    }
}
