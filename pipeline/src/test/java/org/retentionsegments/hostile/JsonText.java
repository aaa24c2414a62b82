package org.retentionsegments.hostile;

import java.util.List;
import java.util.Map;

/** JSON text for the corpus, written by hand so that hostile variants are exactly as intended. */
final class JsonText {

    private JsonText() {}

    /** An object of the given keys (as spelled) with string values; absent values are left out. */
    static String object(Map<String, String> values, List<String> keys) {
        StringBuilder out = new StringBuilder("{");
        for (String key : keys) {
            String v = values.get(key.toLowerCase(java.util.Locale.ROOT));
            if (v == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(key)).append(':').append(v.startsWith("#num:") ? v.substring(5) : string(v));
        }
        return out.append('}').toString();
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
