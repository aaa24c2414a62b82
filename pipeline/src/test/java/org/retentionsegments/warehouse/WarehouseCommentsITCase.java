package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Record;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every table, view and column an analyst sees carries a comment on both engines: the tables' and
 * columns' from the migrations (V0020), the views' and their columns' from the models' headers.
 * Helper views (a leading {@code _}) and Flyway's history table are left out.
 */
class WarehouseCommentsITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /** relation, column (NULL for the relation itself), comment; in the connection's schema. */
    private static final Map<Engine, String> COMMENTS = Map.of(
            Engine.DUCKDB, """
                    SELECT table_name AS relation, CAST(NULL AS VARCHAR) AS col, comment FROM duckdb_tables()
                    WHERE database_name = current_database() AND schema_name = current_schema()
                    UNION ALL
                    SELECT view_name, NULL, comment FROM duckdb_views()
                    WHERE NOT internal AND database_name = current_database() AND schema_name = current_schema()
                    UNION ALL
                    SELECT table_name, column_name, comment FROM duckdb_columns()
                    WHERE database_name = current_database() AND schema_name = current_schema()""",
            Engine.POSTGRES, """
                    SELECT c.relname AS relation, CAST(NULL AS VARCHAR) AS col,
                           obj_description(c.oid, 'pg_class') AS comment
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v')
                    UNION ALL
                    SELECT c.relname, a.attname, col_description(c.oid, a.attnum)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v')""");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyTableViewAndColumnAnAnalystSeesHasAComment(Engine engine) {
        Map<String, String> comments = new TreeMap<>();
        try (Warehouse w = WAREHOUSES.open(engine)) {
            Models.bundled().apply(w);
            for (Record r : w.dsl().fetch(COMMENTS.get(engine))) {
                String relation = r.get("relation", String.class);
                String column = r.get("col", String.class);
                if (!relation.startsWith("_") && !relation.equals("flyway_schema_history")) {
                    comments.put(column == null ? relation : relation + "." + column, r.get("comment", String.class));
                }
            }
        }
        List<String> missing = comments.entrySet().stream()
                .filter(e -> e.getValue() == null || e.getValue().isBlank()).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "tables, views and columns without a comment");
        assertTrue(comments.size() > 300, comments.size() + " relations and columns");
        assertTrue(comments.get("customer_segment.monetary").contains("floored at 0; money in the input's currency"),
                comments.get("customer_segment.monetary"));
        assertTrue(comments.get("segment_summary").startsWith("grain: one row per as_of and segment"),
                comments.get("segment_summary"));
        assertEquals("share of the segment's customers held out of the program, a fraction 0-1",
                comments.get("segment_dim.holdout_share"));
        assertEquals("average lead score, 0-100 points", comments.get("segment_persona.avg_lead_score"));
    }
}
