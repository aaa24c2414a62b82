package org.retentionsegments.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of one YAML mapping that knows where it sits (file, line, and a {@code place}
 * such as {@code segment 'Loyal'} or {@code scoring: monetary}), so every validation failure
 * becomes a one-line {@link ConfigException}: {@code FILE: line N: PLACE: problem}. Unknown keys
 * are rejected by {@link #allowOnly}; a key written without a value ({@code window_days:}) is an
 * error, not the default; values are quoted in messages as written.
 */
final class YamlNode {

    private final JsonNode node;
    private final JsonPointer pointer;
    private final String place;
    private final YamlText source;

    private YamlNode(JsonNode node, JsonPointer pointer, String place, YamlText source) {
        this.node = node;
        this.pointer = pointer;
        this.place = place;
        this.source = source;
    }

    /** Parses a whole file; an empty file (or one of comments only) is an empty mapping. */
    static YamlNode parse(String fileName, String text) {
        YamlText source = YamlText.parse(fileName, text);
        JsonNode root = source.root;
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        YamlNode result = new YamlNode(root, JsonPointer.empty(), "", source);
        if (!root.isObject()) {
            throw result.fail("expected a mapping of keys to values at the top level, not "
                    + result.describe(JsonPointer.empty(), root));
        }
        return result;
    }

    /** Where this mapping sits, e.g. {@code segment 'Loyal'}; empty at the top of a file. */
    String place() {
        return place;
    }

    /** The same mapping, described by another place in messages. */
    YamlNode at(String otherPlace) {
        return new YamlNode(node, pointer, otherPlace, source);
    }

    boolean isEmpty() {
        return node.isEmpty();
    }

    /** A failure at this mapping's line. */
    ConfigException fail(String problem) {
        return failAtLine(source.line(pointer), problem);
    }

    /** A failure at the line of {@code key} (this mapping's line when the key is absent). */
    ConfigException failAt(String key, String problem) {
        int line = source.line(pointer.appendProperty(key));
        return failAtLine(line > 0 ? line : source.line(pointer), problem);
    }

    private ConfigException failAtLine(int line, String problem) {
        return new ConfigException(source.file + (line > 0 ? ": line " + line : "")
                + (place.isEmpty() ? "" : ": " + place) + ": " + problem);
    }

    /** Rejects keys not in {@code allowed}. */
    YamlNode allowOnly(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw failAt(key, "unknown key '" + key + "' (expected one of: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** Whether the key is there; a key without a value is an error. */
    boolean has(String key) {
        return value(key) != null;
    }

    /** The value of a key, {@link MissingNode} when absent; a key without a value is an error. */
    JsonNode raw(String key) {
        JsonNode value = value(key);
        return value == null ? MissingNode.getInstance() : value;
    }

    /** The value of a key as written in the file (a scalar's text, "a list", "a mapping"). */
    String written(String key) {
        JsonNode value = raw(key);
        String text = source.written(pointer.appendProperty(key));
        return value.isValueNode() && text != null ? text.strip() : value.asText();
    }

    /** A nested mapping; an absent key gives an empty mapping so defaults apply. */
    YamlNode child(String key) {
        return child(key, place.isEmpty() ? key : place + ": " + key);
    }

    YamlNode child(String key, String childPlace) {
        JsonNode value = value(key);
        JsonPointer at = pointer.appendProperty(key);
        if (value == null) {
            return new YamlNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), at,
                    childPlace, source);
        }
        if (!value.isObject()) {
            throw failAt(key, key + " must be a mapping of keys to values, not " + describe(at, value));
        }
        return new YamlNode(value, at, childPlace, source);
    }

    /** Item {@code index} of the list at {@code key}, which must be a mapping. */
    YamlNode element(String key, int index, String childPlace) {
        JsonPointer at = pointer.appendProperty(key).appendIndex(index);
        JsonNode value = raw(key).get(index);
        YamlNode element = new YamlNode(value, at, childPlace, source);
        if (value == null || value.isNull()) {
            throw element.fail("the list item is empty");
        }
        if (!value.isObject()) {
            throw element.fail("expected a mapping of keys to values, not " + describe(at, value));
        }
        return element;
    }

    /** The value of {@code key} itself as a mapping (a rule's single condition set). */
    YamlNode self(String key) {
        return child(key, place);
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    String string(String key, String fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isValueNode()) {
            throw failAt(key, key + " must be a text value, not " + describe(key, value));
        }
        return written(key);
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            throw failAt(key, key + " is required");
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw failAt(key, key + " must be true or false, not " + describe(key, value));
        }
        return value.booleanValue();
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            throw failAt(key, key + " must be a whole number, not " + describe(key, value));
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw failAt(key, key + " " + written(key) + " is out of range " + min + ".." + max);
        }
        return value.intValue();
    }

    double number(String key, double fallback, double min, double max) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        return checkNumber(key, key, pointer.appendProperty(key), value, min, max);
    }

    private double checkNumber(String key, String what, JsonPointer at, JsonNode value, double min, double max) {
        if (!value.isNumber()) {
            throw failAt(key, what + " must be a number, not " + describe(at, value));
        }
        double result = value.doubleValue();
        if (!(result >= min && result <= max)) {
            String text = source.written(at);
            throw failAt(key, what + " " + (text == null ? value.asText() : text.strip()) + " is out of range "
                    + fmt(min) + ".." + fmt(max));
        }
        return result;
    }

    /** A list of numbers of exactly {@code size} values, strictly ascending. */
    double[] ascending(String key, int size, double min) {
        JsonNode value = value(key);
        if (value == null || !value.isArray() || value.size() != size) {
            throw failAt(key, key + " must be a list of " + size + " numbers" + (value == null ? ""
                    : value.isArray() ? ", not of " + value.size() : ", not " + describe(key, value)));
        }
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
            result[i] = checkNumber(key, key + " value", pointer.appendProperty(key).appendIndex(i), value.get(i),
                    min, Double.MAX_VALUE);
            if (i > 0 && result[i] <= result[i - 1]) {
                throw failAt(key, key + " must be strictly ascending, got " + value);
            }
        }
        return result;
    }

    /** A text value or a list of text values. */
    List<String> strings(String key) {
        JsonNode value = value(key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                JsonPointer at = pointer.appendProperty(key).appendIndex(i);
                if (item.isNull()) {
                    throw failAt(key, key + " has an empty list item");
                }
                if (!item.isValueNode()) {
                    throw failAt(key, key + " item " + (i + 1) + " must be a text value, not " + describe(at, item));
                }
                String text = source.written(at);
                result.add((text == null ? item.asText() : text).strip());
            }
        } else if (value.isValueNode()) {
            result.add(written(key));
        } else {
            throw failAt(key, key + " must be a text value or a list, not " + describe(key, value));
        }
        return result;
    }

    /** A value for a message: {@code 'as written'}, {@code a list} or {@code a mapping}. */
    String describe(String key, JsonNode value) {
        return describe(pointer.appendProperty(key), value);
    }

    private String describe(JsonPointer at, JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isNull()) {
            return "nothing";
        }
        String text = source.written(at);
        text = text == null ? value.asText() : text.strip();
        if (value.isTextual() && text.matches("[+-]?\\d+(\\.\\d*)?|true|false")) {
            return "the text '" + text + "' (write it without quotes)";
        }
        return "'" + text + "'";
    }

    /** The value of a key, null when absent; a key without a value is an error naming it. */
    private JsonNode value(String key) {
        JsonNode value = node.get(key);
        if (value != null && value.isNull()) {
            throw failAt(key, key + " has no value: write one, or delete the line for the default");
        }
        return value;
    }

    static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
