package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.MODEL_APPLY;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The analysts' SQL models: one view per file in {@code warehouse-models/models/} (file name = view
 * name, the file holds the view's SELECT and a header comment stating its grain), and the model
 * tests in {@code warehouse-models/tests/} (see {@link ModelTests} for their format).
 *
 * <p>Views are applied in dependency order, found from the other models' names each file mentions;
 * helper views start with an underscore. A file name is a view name in SQL, so it must be a
 * lower-case SQL name ({@value #VIEW_NAME_RULE}); any other file is refused, naming it, before
 * anything reaches the warehouse, and the names are quoted in the DDL all the same.
 */
public final class Models {

    /** Where the models ship inside the artifact. */
    public static final String RESOURCE_ROOT = "warehouse-models";

    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

    static final String VIEW_NAME_RULE = "a-z, 0-9 and _, not starting with a digit, at most 63 characters";
    private static final Pattern VIEW_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Map<String, String> views;
    private final Map<String, ModelHeader> headers;
    private final Map<String, String> tests;

    private Models(String folder, Map<String, String> viewFiles, Map<String, String> tests) {
        this.views = new TreeMap<>();
        this.headers = new TreeMap<>();
        viewFiles.forEach((file, sql) -> {
            String view = file.substring(0, file.length() - ".sql".length());
            if (!VIEW_NAME.matcher(view).matches()) {
                throw new WarehouseException("the model file '" + folder + "/" + file + "' is not named after a"
                        + " view: its name (without .sql) is the view's name in SQL and may only use "
                        + VIEW_NAME_RULE + "; rename it, e.g. to segment_summary.sql");
            }
            views.put(view, sql);
            try {
                headers.put(view, ModelHeader.of(sql));
            } catch (WarehouseException e) {
                throw new WarehouseException("the model file '" + folder + "/" + file + "': " + e.getMessage(), e);
            }
        });
        this.tests = tests;
    }

    /** The models shipped in the artifact. */
    public static Models bundled() {
        return new Models(RESOURCE_ROOT + "/models", SqlFiles.onClassPath(RESOURCE_ROOT + "/models", ".sql"),
                SqlFiles.onClassPath(RESOURCE_ROOT + "/tests", ".sql", ".yaml"));
    }

    /** The models in a directory laid out like {@code warehouse-models/} (models/ and tests/). */
    public static Models in(Path directory) {
        try {
            return new Models(directory.resolve("models").toString(),
                    SqlFiles.inDirectory(directory.resolve("models"), ".sql"),
                    SqlFiles.inDirectory(directory.resolve("tests"), ".sql", ".yaml"));
        } catch (UncheckedIOException e) {
            throw new WarehouseException("cannot read the models in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The view names in the order they are created. */
    public List<String> order() {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : new TreeMap<>(views).keySet()) {
            visit(name, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered);
    }

    /** The SELECT of a view, as in its file. */
    public String sql(String view) {
        return views.get(view);
    }

    /** The header comment of a view's file: the description and column texts {@link #apply} comments it with. */
    public ModelHeader header(String view) {
        return headers.get(view);
    }

    /**
     * Drops every model view and creates them again, in dependency order, in one transaction: after
     * it the views are exactly the files, whatever was there before. Each view gets its file's
     * header as {@code COMMENT ON VIEW} and each column described there its {@code COMMENT ON COLUMN}
     * ({@link ModelHeader}); a column described that the view does not have fails the apply.
     *
     * @return the views created, in order
     */
    public List<String> apply(Warehouse warehouse) {
        return apply(warehouse, fingerprint());
    }

    private List<String> apply(Warehouse warehouse, String fingerprint) {
        List<String> order = order();
        DSLContext render = DSL.using(warehouse.dialect());
        try {
            warehouse.dsl().transaction(tx -> {
                tx.dsl().connection(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        for (int i = order.size() - 1; i >= 0; i--) {
                            statement.execute("DROP VIEW IF EXISTS " + render.render(DSL.name(order.get(i))));
                        }
                        for (String view : order) {
                            execute(statement, view, render);
                        }
                    }
                });
                tx.dsl().deleteFrom(MODEL_APPLY).execute();
                tx.dsl().insertInto(MODEL_APPLY).set(MODEL_APPLY.MODELS_FINGERPRINT, fingerprint)
                        .set(MODEL_APPLY.VIEWS, order.size())
                        .set(MODEL_APPLY.APPLIED_AT, LocalDateTime.now(ZoneOffset.UTC)).execute();
            });
            warehouse.modelsApplied();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new WarehouseException("cannot apply the models to " + warehouse.url() + ": "
                    + Warehouse.firstLine(cause.getMessage()), e);
        }
        return order;
    }

    /**
     * {@link #apply}, unless the warehouse holds these models already: their fingerprint is the one
     * last applied ({@code model_apply}), every view is there, and opening the warehouse changed
     * no table (a view made before a migration may list the table's columns of before). Measured
     * 2026-12-07: creating the 27 bundled views and their comments took 0.32-0.39 s of a run's
     * main thread. A view changed by hand stays until the models change or {@code ./segments models
     * apply}.
     *
     * @return whether the views were created
     */
    public boolean applyIfChanged(Warehouse warehouse) {
        String fingerprint = fingerprint();
        if (!warehouse.schemaChangedOnOpen() && fingerprint.equals(appliedFingerprint(warehouse))
                && viewsIn(warehouse).containsAll(views.keySet())) {
            return false;
        }
        apply(warehouse, fingerprint);
        return true;
    }

    /** The fingerprint of the models last applied to the warehouse; null when none is recorded. */
    static String appliedFingerprint(Warehouse warehouse) {
        return warehouse.dsl().select(MODEL_APPLY.MODELS_FINGERPRINT).from(MODEL_APPLY).fetchAny(
                MODEL_APPLY.MODELS_FINGERPRINT);
    }

    /** The views of the warehouse's current schema, by name. */
    private static Set<String> viewsIn(Warehouse warehouse) {
        var tables = DSL.table(DSL.name("information_schema", "tables"));
        var name = DSL.field(DSL.name("table_name"), String.class);
        return new java.util.HashSet<>(warehouse.dsl().select(name).from(tables)
                .where(DSL.field(DSL.name("table_schema")).eq(DSL.currentSchema()))
                .and(DSL.field(DSL.name("table_type")).eq(DSL.inline("VIEW"))).fetch(name));
    }

    /**
     * SHA-256 of the model files as applied: each view's name and its file's text, in creation
     * order, hexadecimal.
     */
    String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String view : order()) {
                sha.update((view + "\0" + views.get(view) + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Runs every model test, each in a transaction that is rolled back; never throws for a failing test. */
    public List<ModelTestResult> test(Warehouse warehouse) {
        List<ModelTestResult> results = new ArrayList<>();
        for (Map.Entry<String, String> test : new TreeMap<>(tests).entrySet()) {
            results.add(ModelTests.run(warehouse, test.getKey(), test.getValue()));
        }
        return results;
    }

    private void execute(Statement statement, String view, DSLContext render) throws SQLException {
        String quotedName = render.render(DSL.name(view));
        String select = views.get(view).strip();
        if (select.endsWith(";")) {
            select = select.substring(0, select.length() - 1);
        }
        ModelHeader header = headers.get(view);
        try {
            statement.execute("CREATE VIEW " + quotedName + " AS\n" + select);
            if (!header.description().isEmpty()) {
                statement.execute("COMMENT ON VIEW " + quotedName + " IS "
                        + render.render(DSL.inline(header.description())));
            }
            for (Map.Entry<String, String> column : header.columns().entrySet()) {
                statement.execute("COMMENT ON COLUMN " + quotedName + "." + render.render(DSL.name(column.getKey()))
                        + " IS " + render.render(DSL.inline(column.getValue())));
            }
        } catch (SQLException e) {
            throw new SQLException("view " + view + ": " + Warehouse.firstLine(e.getMessage()), e.getSQLState(), e);
        }
    }

    private void visit(String name, Set<String> ordered, Set<String> path) {
        if (ordered.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new WarehouseException("the models depend on each other in a cycle: " + String.join(" -> ", path)
                    + " -> " + name + "; break it in warehouse-models/models");
        }
        String body = COMMENT.matcher(views.get(name)).replaceAll(" ");
        for (String other : new TreeMap<>(views).keySet()) {
            if (!other.equals(name) && Pattern.compile("\\b" + Pattern.quote(other) + "\\b",
                    Pattern.CASE_INSENSITIVE).matcher(body).find()) {
                visit(other, ordered, path);
            }
        }
        path.remove(name);
        ordered.add(name);
    }
}
