package org.retentionsegments.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the stream SQL: one statement per file, the file name being the object it creates, shipped
 * under {@code sql/} in the artifact. Placeholders {@code ${key}} are resolved from one map; an
 * unknown key fails. Adapter files (a file or a folder of files) override the shipped statement
 * of the same name, or add new ones.
 */
public final class SqlScripts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private final Map<String, String> values;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    public SqlScripts(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Adds the statements of an adapter: a {@code .sql} file, or a folder of them. */
    public SqlScripts withAdapter(Path adapter) {
        try {
            if (Files.isDirectory(adapter)) {
                try (var files = Files.list(adapter)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                        overrides.put(objectName(file.getFileName().toString()), Files.readString(file));
                    }
                }
            } else {
                overrides.put(objectName(adapter.getFileName().toString()), Files.readString(adapter));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the source SQL " + adapter + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Adds the statements of an adapter shipped under {@code sql/adapters/NAME/}, listed in its
     * {@code statements.txt}. Returns false when there is no such adapter.
     */
    public boolean withShippedAdapter(String name) {
        String index = resource("sql/adapters/" + name + "/statements.txt");
        if (index == null) {
            return false;
        }
        for (String object : index.strip().split("\\s+")) {
            String text = resource("sql/adapters/" + name + "/" + object + ".sql");
            if (text == null) {
                throw new IllegalStateException("sql/adapters/" + name + "/statements.txt names " + object
                        + " but there is no " + object + ".sql beside it");
            }
            overrides.put(object, text);
        }
        return true;
    }

    /** Adapter statements that replace none of the shipped ones, in file-name order. */
    public List<String> extraObjects(List<String> features) {
        return overrides.keySet().stream()
                .filter(o -> !features.contains(o))
                .sorted()
                .toList();
    }

    /** Whether an adapter replaced the named statement. */
    public boolean overridden(String object) {
        return overrides.containsKey(object);
    }

    /** The statement that creates {@code object}, from an adapter or from {@code sql/flink/FOLDER/}. */
    public String statement(String folder, String object) {
        String text = overrides.get(object);
        String origin = "adapter " + object + ".sql";
        if (text == null) {
            origin = "sql/flink/" + folder + "/" + object + ".sql";
            text = resource(origin);
            if (text == null) {
                throw new IllegalStateException("missing SQL resource " + origin);
            }
        }
        return resolve(stripTerminator(text), origin);
    }

    String resolve(String text, String origin) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(
                        origin + ": unknown placeholder ${" + m.group(1) + "}; known: " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String stripTerminator(String text) {
        String s = text.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static String objectName(String fileName) {
        return fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private static String resource(String path) {
        try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes text as a SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
