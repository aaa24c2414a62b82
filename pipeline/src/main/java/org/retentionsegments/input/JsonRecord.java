package org.retentionsegments.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses one line of JSON lines strictly: exactly one JSON object; keys matched to the canonical
 * columns case-insensitively, like CSV headers, so a key given twice (in any case) is an error;
 * a column's value must be a string, number, boolean or null (numbers keep the text they were
 * written with); keys that are not columns are ignored, whatever their value.
 */
final class JsonRecord {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonRecord() {}

    /**
     * The values of {@code columns} in order (null when absent), or the error message in {@code error[0]}.
     */
    static String[] parse(String text, List<String> columns, String[] error) {
        String[] values = new String[columns.size()];
        boolean object = false;
        try (JsonParser p = FACTORY.createParser(text)) {
            object = p.nextToken() == JsonToken.START_OBJECT;
            if (!object) {
                error[0] = "not a JSON object";
                return null;
            }
            Set<String> seen = new HashSet<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String key = name.strip().toLowerCase(Locale.ROOT);
                if (!seen.add(key)) {
                    error[0] = "key '" + name + "' appears twice in the JSON object";
                    return null;
                }
                JsonToken v = p.nextToken();
                int index = columns.indexOf(key);
                if (index < 0) {
                    p.skipChildren();
                    continue;
                }
                switch (v) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                            values[index] = CsvRecord.value(p.getText());
                    case VALUE_NULL -> values[index] = null;
                    default -> {
                        error[0] = "'" + name + "' must be a string or a number, not "
                                + (v == JsonToken.START_ARRAY ? "an array" : "an object");
                        return null;
                    }
                }
            }
            if (t != JsonToken.END_OBJECT) {
                error[0] = "not a JSON object";
                return null;
            }
            if (p.nextToken() != null) {
                error[0] = "more than one JSON value on one line";
                return null;
            }
            return values;
        } catch (JsonProcessingException e) {
            if (!object) {
                error[0] = "not a JSON object";
                return null;
            }
            String detail = e.getOriginalMessage().replaceAll("\\s+", " ")
                    .replaceAll(" \\(start marker at \\[Source.*", "")
                    .replaceAll(" at \\[Source.*", "");
            error[0] = "not valid JSON: " + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
