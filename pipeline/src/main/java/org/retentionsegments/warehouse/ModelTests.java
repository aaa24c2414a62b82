package org.retentionsegments.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one model test file. Two kinds, both run in a transaction that is rolled back, so a test
 * never changes the warehouse:
 *
 * <ul>
 *   <li>{@code NAME.sql}: an invariant. One SELECT that returns the rows breaking it; the test passes
 *       when it returns none. It runs on whatever data the warehouse holds.
 *   <li>{@code NAME.yaml}: a given/expect test that pins a model's arithmetic on given rows:
 *       <pre>
 * description: what it shows
 * given:                 # SQL statements run first (INSERTs); use keys no real data has
 *   - INSERT INTO treatment (...) VALUES (...)
 * query: SELECT ... FROM holdout_lift WHERE program_id = 'test_...' ORDER BY ...
 * expect:                # the rows, in order; only the columns listed are compared
 *   - {segment: ALL, lift: 0.1, p_value: 0.1024704}
 * tolerance: 1.0e-6      # optional, relative to max(1, |expected|); default 1e-9
 *       </pre>
 * </ul>
 */
final class ModelTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ModelTests() {}

    static ModelTestResult run(Warehouse warehouse, String file, String content) {
        String name = file.substring(0, file.lastIndexOf('.'));
        Connection connection = warehouse.connection();
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                return file.endsWith(".yaml")
                        ? givenExpect(statement, name, YAML.readTree(content))
                        : invariant(statement, name, content);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            return ModelTestResult.fail(name, e.getMessage() == null ? "failed (" + e.getClass().getSimpleName() + ")"
                    : Warehouse.firstLine(e.getMessage()));
        }
    }

    private static ModelTestResult invariant(Statement statement, String name, String sql) throws SQLException {
        List<Map<String, Object>> rows = query(statement, sql);
        return rows.isEmpty() ? ModelTestResult.pass(name)
                : ModelTestResult.fail(name, rows.size() + " rows break it, first: " + rows.get(0));
    }

    private static ModelTestResult givenExpect(Statement statement, String name, JsonNode test) throws SQLException {
        for (JsonNode given : test.path("given")) {
            statement.execute(given.asText());
        }
        if (!test.hasNonNull("query")) {
            return ModelTestResult.fail(name, "the test has no 'query'");
        }
        List<Map<String, Object>> rows = query(statement, test.get("query").asText());
        JsonNode expect = test.path("expect");
        double tolerance = test.path("tolerance").asDouble(1e-9);
        if (rows.size() != expect.size()) {
            return ModelTestResult.fail(name, "expected " + expect.size() + " rows, got " + rows.size() + ": " + rows);
        }
        for (int i = 0; i < rows.size(); i++) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expect.get(i).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = it.next();
                String column = cell.getKey().toLowerCase(Locale.ROOT);
                if (!rows.get(i).containsKey(column)) {
                    return ModelTestResult.fail(name, "row " + (i + 1) + " has no column " + column + ": " + rows.get(i));
                }
                Object actual = rows.get(i).get(column);
                if (!matches(cell.getValue(), actual, tolerance)) {
                    return ModelTestResult.fail(name, "row " + (i + 1) + " column " + column + ": expected "
                            + cell.getValue() + ", got " + actual + " in " + rows.get(i));
                }
            }
        }
        return ModelTestResult.pass(name);
    }

    private static boolean matches(JsonNode expected, Object actual, double tolerance) {
        if (expected.isNull()) {
            return actual == null;
        }
        if (actual == null) {
            return false;
        }
        if (expected.isNumber()) {
            if (!(actual instanceof Number number)) {
                return false;
            }
            double e = expected.asDouble();
            return Math.abs(number.doubleValue() - e) <= tolerance * Math.max(1.0, Math.abs(e));
        }
        if (expected.isBoolean()) {
            return actual instanceof Boolean b && b == expected.asBoolean();
        }
        return expected.asText().equals(String.valueOf(actual));
    }

    private static List<Map<String, Object>> query(Statement statement, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql.strip().replaceAll(";$", ""))) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
