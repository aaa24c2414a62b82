package org.retentionsegments.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One parsed configuration file: its tree, and for every value (by JSON pointer) the line where
 * its key or list item starts and, for a scalar, its text as written, so that a message can say
 * {@code line 5: window_days 99999999999999999999999 is out of range 1..36500}. A syntax error
 * becomes one line naming the line of the defect.
 */
final class YamlText {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    final String file;
    final JsonNode root;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> written = new HashMap<>();

    private YamlText(String file, String text) {
        this.file = file;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            root = MAPPER.readTree(body);
            index(body);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YamlText parse(String file, String text) {
        return new YamlText(file, text);
    }

    /** The line of the value at {@code pointer}, or 0 when unknown. */
    int line(JsonPointer pointer) {
        return lines.getOrDefault(pointer.toString(), 0);
    }

    /** The scalar at {@code pointer} as written in the file, or null. */
    String written(JsonPointer pointer) {
        return written.get(pointer.toString());
    }

    private void index(String text) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME || token.isScalarValue()) {
                    lines.putIfAbsent(pointer, line);
                }
                if (token.isScalarValue()) {
                    written.put(pointer, parser.getText());
                } else if (token.isStructStart()) {
                    // The new context is the container's own: its position is in the parent.
                    lines.putIfAbsent(parser.getParsingContext().getParent() == null ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString(), line);
                }
            }
        }
    }

    private static ConfigException syntaxError(String file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String detail = e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark problem = marked.getProblemMark();
            Mark context = marked.getContextMark();
            line = problem.getLine() + 1;
            detail = marked.getProblem();
            if (marked.getContext() != null) {
                detail += " (" + marked.getContext()
                        + (context != null && context.getLine() != problem.getLine()
                                ? " that starts on line " + (context.getLine() + 1) : "")
                        + ")";
            }
        } else if (detail.startsWith("Duplicate field")) {
            detail = "duplicate key" + detail.substring("Duplicate field".length());
        }
        detail = detail.replace("(Do not use \\t(TAB) for indentation)", "(indent with spaces, not tabs)")
                .replace("'\\t(TAB)'", "a tab").replaceAll("\\s+", " ").strip();
        return new ConfigException(file + (line > 0 ? ": line " + line : "") + ": " + detail, e);
    }
}
