package org.retentionsegments.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of one YAML mapping that knows where it sits ({@code where}), so every
 * validation failure becomes a one-line {@link ConfigException} naming file, place and problem.
 * Unknown keys are rejected by {@link #allowOnly}.
 */
final class YamlNode {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode node;
    private final String where;

    private YamlNode(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** Parses a whole file; an empty file is an empty mapping. */
    static YamlNode parse(String fileName, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            int context = detail.indexOf(" in 'reader'");
            detail = (context > 0 ? detail.substring(0, context) : detail)
                    .replaceAll("\\s+", " ").trim();
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ConfigException(fileName + ": line " + line + ": " + detail, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = MAPPER.createObjectNode();
        }
        YamlNode result = new YamlNode(root, fileName);
        if (!root.isObject()) {
            throw result.fail("expected a mapping at the top level");
        }
        return result;
    }

    String where() {
        return where;
    }

    ConfigException fail(String problem) {
        return new ConfigException(where + ": " + problem);
    }

    /** Rejects keys not in {@code allowed}. */
    YamlNode allowOnly(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw fail("unknown key '" + key + "' (expected one of: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    JsonNode raw(String key) {
        JsonNode value = node.get(key);
        return value == null ? MissingNode.getInstance() : value;
    }

    /** A nested mapping; an absent key gives an empty mapping so defaults apply. */
    YamlNode child(String key) {
        return child(key, where + ": " + key);
    }

    YamlNode child(String key, String childWhere) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return new YamlNode(MAPPER.createObjectNode(), childWhere);
        }
        if (!value.isObject()) {
            throw fail(key + " must be a mapping");
        }
        return new YamlNode(value, childWhere);
    }

    /** Wraps a nested mapping found by the caller (e.g. a list element). */
    YamlNode wrap(JsonNode value, String childWhere) {
        if (value == null || !value.isObject()) {
            throw new ConfigException(childWhere + ": expected a mapping");
        }
        return new YamlNode(value, childWhere);
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    String string(String key, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw fail(key + " must be a text value");
        }
        return value.asText().trim();
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            throw fail(key + " is required");
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw fail(key + " must be true or false, not '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            throw fail(key + " must be a whole number, not '" + value.asText() + "'");
        }
        int result = value.intValue();
        if (result < min || result > max) {
            throw fail(key + " " + result + " is outside " + min + "-" + max);
        }
        return result;
    }

    double number(String key, double fallback, double min, double max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return checkNumber(key, value, min, max);
    }

    double checkNumber(String what, JsonNode value, double min, double max) {
        if (!value.isNumber()) {
            throw fail(what + " must be a number, not '" + value.asText() + "'");
        }
        double result = value.doubleValue();
        if (!(result >= min && result <= max)) {
            throw fail(what + " " + value.asText() + " is outside " + fmt(min) + "-" + fmt(max));
        }
        return result;
    }

    /** A list of numbers of exactly {@code size} values, strictly ascending. */
    double[] ascending(String key, int size, double min) {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray() || value.size() != size) {
            throw fail(key + " must be a list of " + size + " numbers");
        }
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
            result[i] = checkNumber(key + " value", value.get(i), min, Double.MAX_VALUE);
            if (i > 0 && result[i] <= result[i - 1]) {
                throw fail(key + " must be strictly ascending, got " + value);
            }
        }
        return result;
    }

    /** A text value or a list of text values. */
    List<String> strings(String key) {
        JsonNode value = node.get(key);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (value.isArray()) {
            value.forEach(v -> result.add(v.asText().trim()));
        } else if (value.isValueNode()) {
            result.add(value.asText().trim());
        } else {
            throw fail(key + " must be a text value or a list");
        }
        return result;
    }

    static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
