package org.retentionsegments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON outputs of the commands ({@code --json}): one object on one line, keys in the order given. */
public final class JsonLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLine() {}

    /** An ordered map of key, value pairs; values may be null. */
    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** {@code out} as one line of JSON, ending in a newline; {@code what} names it in an error. */
    public static String of(Map<String, Object> out, String what) {
        try {
            return JSON.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + what + " as JSON: " + e.getMessage(), e);
        }
    }
}
