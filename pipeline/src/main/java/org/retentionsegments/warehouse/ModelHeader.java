package org.retentionsegments.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header comment of a model file, which {@link Models#apply} puts on the view with
 * {@code COMMENT ON}, so the file stays the one place a model is described. The header is the run of
 * {@code --} lines the file starts with: first the view's description (its grain first), then,
 * after a line {@code -- columns:}, one entry per column:
 *
 * <pre>
 * -- columns:
 * -- as_of: the kept refresh day (UTC)
 * -- customers, customer_share: customers in the segment, and their share of all that day's
 * --   customers, a fraction 0-1
 * </pre>
 *
 * An entry starts with one or more column names and a colon, at most two spaces after the
 * {@code --}, and its text may start on the next line; a line indented further continues it.
 * Names listed together share the text.
 *
 * @param description the lines before {@code columns:}, without their {@code --}, one per line
 * @param columns column name to its text (continuation lines joined with a space), in file order
 */
public record ModelHeader(String description, Map<String, String> columns) {

    private static final Pattern ENTRY = Pattern.compile(
            "-- {1,2}([a-z_][a-z0-9_]*(?:, *[a-z_][a-z0-9_]*)*):(?: +(\\S.*))?");
    private static final Pattern CONTINUATION = Pattern.compile("-- {3,}(\\S.*)");

    /** Reads the header of a model file's text. */
    public static ModelHeader of(String sql) {
        List<String> description = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> current = List.of();
        boolean inColumns = false;
        for (String raw : sql.strip().split("\\R")) {
            String line = raw.strip();
            if (!line.startsWith("--")) {
                break;
            }
            if (!inColumns) {
                if (line.equals("-- columns:")) {
                    inColumns = true;
                } else {
                    description.add(line.substring(2).strip());
                }
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            Matcher continuation = CONTINUATION.matcher(line);
            if (entry.matches()) {
                current = List.of(entry.group(1).split(", *"));
                for (String column : current) {
                    columns.put(column, entry.group(2) == null ? "" : entry.group(2).strip());
                }
            } else if (continuation.matches() && !current.isEmpty()) {
                for (String column : current) {
                    columns.put(column, (columns.get(column) + " " + continuation.group(1)).strip());
                }
            } else {
                throw new WarehouseException("the model header line '" + line + "' is neither a column entry"
                        + " ('-- name: text', names separated by ', ') nor a continuation (indented further)"
                        + " under '-- columns:'");
            }
        }
        return new ModelHeader(String.join("\n", description).strip(), Collections.unmodifiableMap(columns));
    }
}
