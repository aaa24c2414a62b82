package org.retentionsegments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the benchmark's SQL files (one statement per file) and resolves their placeholders:
 * {@code ${name}} stands inside a SQL string literal, so a value's quotes are doubled; a
 * placeholder without a value is an error, not left in the SQL.
 */
final class BenchSql {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    private BenchSql() {}

    static String load(Path file, Map<String, String> values) throws IOException {
        String text = Files.readString(file);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + ": unknown placeholder ${" + m.group(1) + "}; known: "
                        + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.replace("'", "''")));
        }
        m.appendTail(out);
        String sql = out.toString().strip();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    /** The placeholders every benchmark file may use: {@code ${orders}}, the orders file's absolute path. */
    static Map<String, String> orders(String ordersFile) {
        return Map.of("orders", Path.of(ordersFile).toAbsolutePath().toString());
    }
}
