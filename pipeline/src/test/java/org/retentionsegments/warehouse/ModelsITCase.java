package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF_PLUS_7D;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;
import static org.retentionsegments.warehouse.WarehouseFixtures.activity;
import static org.retentionsegments.warehouse.WarehouseFixtures.assignment;
import static org.retentionsegments.warehouse.WarehouseFixtures.treatment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;

class ModelsITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final List<String> HOLDOUT_LIFT_COLUMNS = List.of("program_id", "segment", "horizon_days",
            "treated_customers", "treated_retained", "holdout_customers", "holdout_retained",
            "treated_retention_rate", "holdout_retention_rate", "lift", "lift_ci_low", "lift_ci_high", "p_value",
            "incremental_retained", "treated_revenue", "holdout_revenue", "incremental_revenue",
            "incremental_revenue_ci_low", "incremental_revenue_ci_high", "contact_cost", "incentive_cost", "cost",
            "cost_per_retained_customer",
            "cost_per_retained_ci_low", "cost_per_retained_ci_high", "measured_as", "p_value_adjusted");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void modelsApplyTwiceAndEveryModelTestPasses(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse).write(pipelineOutput());
            Models models = Models.bundled();
            List<String> order = models.apply(warehouse);
            assertEquals(order, models.apply(warehouse), "re-applying gives the same views");
            assertTrue(order.indexOf("_holdout_entry") < order.indexOf("_holdout_arms")
                    && order.indexOf("_holdout_arms") < order.indexOf("holdout_lift"), order::toString);
            assertTrue(order.containsAll(List.of("segment_summary", "segment_transition_matrix", "segment_dim")), order::toString);

            List<ModelTestResult> results = models.test(warehouse);
            assertTrue(results.size() >= 14, () -> "tests found: " + results);
            assertEquals(List.of(), results.stream().filter(r -> !r.passed()).toList());
            assertEquals(HOLDOUT_LIFT_COLUMNS, List.of(warehouse.dsl().resultQuery("select * from holdout_lift")
                    .fetch().fields()).stream().map(f -> f.getName().toLowerCase()).toList());
            assertEquals(0, warehouse.dsl().fetchCount(warehouse.dsl().selectFrom("treatment")
                    .where("program_id like 'test_%'")), "model tests roll back their given rows");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void holdoutLiftOfThirtyInAHundredAgainstTwentyInAHundred(Engine engine) {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.addAll(WarehouseFixtures.thirtyOfHundredAgainstTwentyOfHundred());
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse).write(rows);
            Models.bundled().apply(warehouse);
            Record all = warehouse.dsl().resultQuery("select * from holdout_lift where segment = 'ALL'").fetchSingle();
            Map<String, Double> expected = Map.ofEntries(Map.entry("treated_customers", 100.0),
                    Map.entry("treated_retained", 30.0), Map.entry("holdout_customers", 100.0),
                    Map.entry("holdout_retained", 20.0), Map.entry("treated_retention_rate", 0.30),
                    Map.entry("holdout_retention_rate", 0.20), Map.entry("lift", 0.10),
                    // Newcombe: Wilson [0.2189489, 0.3958485] and [0.1333669, 0.2888292];
                    // 0.10 - sqrt(0.0810511^2 + 0.0888292^2), 0.10 + sqrt(0.0958485^2 + 0.0666331^2)
                    Map.entry("lift_ci_low", -0.0202493622), Map.entry("lift_ci_high", 0.2167343540),
                    // z = 0.10 / sqrt(0.25 * 0.75 * (1/100 + 1/100)) = 1.6329932; 2 * (1 - PHI(z))
                    Map.entry("p_value", 0.1024704349), Map.entry("incremental_retained", 10.0),
                    Map.entry("treated_revenue", 1500.0), Map.entry("holdout_revenue", 800.0),
                    Map.entry("incremental_revenue", 700.0),
                    // Welch: 100 sqrt((52500/99) / 100 + (25600/99) / 100) = 280.87, times 1.959964
                    Map.entry("incremental_revenue_ci_low", 149.5016638745),
                    Map.entry("incremental_revenue_ci_high", 1250.4983361255), Map.entry("cost", 200.0),
                    // a treatments-input campaign: its cost is the tool's, no incentive added
                    Map.entry("contact_cost", 200.0), Map.entry("incentive_cost", 0.0),
                    Map.entry("cost_per_retained_customer", 20.0),
                    // 200 / (0.2167343540 * 100); the lift interval reaches below 0: no upper limit
                    Map.entry("cost_per_retained_ci_low", 9.2278864107));
            expected.forEach((column, value) -> assertEquals(value, ((Number) all.get(column)).doubleValue(), 1e-7, column));
            assertEquals("delivered", all.get("measured_as"), "a treatments-input campaign");
            assertNull(all.get("cost_per_retained_ci_high"), "unbounded");
            assertEquals("At Risk", warehouse.dsl().resultQuery("select segment from holdout_lift where segment <> 'ALL'")
                    .fetchSingle().get(0));
        }
    }

    @Test
    void failingTestsAreReportedWithTheirReason(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("models/_base.sql"), "-- grain: one row\nSELECT 1 AS one");
        Files.writeString(dir.resolve("models/top.sql"), "-- grain: one row\nSELECT one + 1 AS two FROM _base;");
        Files.writeString(dir.resolve("tests/broken_invariant.sql"), "SELECT two FROM top WHERE two = 2");
        Files.writeString(dir.resolve("tests/good_invariant.sql"), "SELECT two FROM top WHERE two <> 2");
        Files.writeString(dir.resolve("tests/wrong_expectation.yaml"), "query: SELECT two FROM top\nexpect:\n  - {two: 3}\n");
        Files.writeString(dir.resolve("tests/bad_sql.sql"), "SELECT nothing FROM nowhere");
        try (Warehouse warehouse = WAREHOUSES.open(Engine.DUCKDB)) {
            Models models = Models.in(dir);
            assertEquals(List.of("_base", "top"), models.apply(warehouse));
            List<ModelTestResult> results = models.test(warehouse);
            assertEquals(List.of("bad_sql", "broken_invariant", "good_invariant", "wrong_expectation"),
                    results.stream().map(ModelTestResult::name).toList());
            assertFalse(results.get(0).passed());
            assertTrue(results.get(0).message().contains("nowhere"), results.get(0).message());
            assertEquals("1 rows break it, first: {two=2}", results.get(1).message());
            assertTrue(results.get(2).passed());
            assertEquals("row 1 column two: expected 3, got 2 in {two=2}", results.get(3).message());
        }
    }

    static Stream<Arguments> hostileModelNames() {
        List<String> names = List.of("x'; drop table customer_segment; --", "a b", "${x}", "Segment_Summary",
                "1st_view", "semi;colon", "quote\"d", "v".repeat(64), "ünïcode", "dash-ed");
        return Stream.of(Engine.values()).flatMap(engine -> names.stream().map(name -> Arguments.of(engine, name)));
    }

    @ParameterizedTest
    @MethodSource("hostileModelNames")
    void aModelFileNotNamedLikeASqlViewIsRefusedBeforeAnyStatement(Engine engine, String name, @TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/_base.sql"), "-- grain: one row\nSELECT 1 AS one");
        Files.writeString(dir.resolve("models/" + name + ".sql"), "-- grain: one row\nSELECT one FROM _base");
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse).write(pipelineOutput());
            WarehouseException e = assertThrows(WarehouseException.class, () -> Models.in(dir).apply(warehouse));
            assertEquals("the model file '" + dir.resolve("models") + "/" + name + ".sql' is not named after a view:"
                    + " its name (without .sql) is the view's name in SQL and may only use a-z, 0-9 and _, not"
                    + " starting with a digit, at most 63 characters; rename it, e.g. to segment_summary.sql",
                    e.getMessage());
            assertEquals(60, warehouse.dsl().fetchCount(warehouse.dsl().selectFrom("customer_segment")),
                    "customer_segment is untouched");
            assertEquals(0, warehouse.dsl().fetchCount(warehouse.dsl().selectFrom("information_schema.tables")
                    .where("table_name = '_base' and table_schema = current_schema()")), "not even the valid model was applied");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void modelNamesAreQuotedInTheDdlAndStillReadPlainly(Engine engine, @TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/_base.sql"), "-- grain: one row\nSELECT 1 AS one");
        Files.writeString(dir.resolve("models/my_view_2.sql"), "-- grain: one row\nSELECT one + 1 AS two FROM _base;");
        Files.writeString(dir.resolve("models/order.sql"), "-- grain: one row\nSELECT 3 AS three");
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            Models models = Models.in(dir);
            assertEquals(List.of("_base", "my_view_2", "order"), models.apply(warehouse));
            assertEquals(List.of("_base", "my_view_2", "order"), models.apply(warehouse), "and again");
            assertEquals(2, ((Number) warehouse.dsl().resultQuery("select two from my_view_2").fetchSingle().get(0))
                    .intValue());
            assertEquals(3, ((Number) warehouse.dsl().resultQuery("select three from \"order\"").fetchSingle().get(0))
                    .intValue(), "a reserved word is a valid view name: the DDL quotes it");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunCreatesTheViewsOnlyWhenTheModelsChangedAViewIsMissingOrTheSchemaMoved(Engine engine, @TempDir Path dir)
            throws IOException {
        String url = WAREHOUSES.freshUrl(engine);
        Models bundled = Models.bundled();
        try (Warehouse warehouse = Warehouse.open(url)) {
            // DuckDB: a copy of the build's template, which holds the views; PostgreSQL: migrated now
            assertEquals(engine == Engine.POSTGRES, warehouse.schemaChangedOnOpen());
            assertEquals(engine == Engine.POSTGRES, bundled.applyIfChanged(warehouse));
            assertEquals(bundled.fingerprint(), Models.appliedFingerprint(warehouse));
            assertFalse(bundled.applyIfChanged(warehouse), "the same models again: nothing to do");
            assertEquals(1, warehouse.dsl().fetchCount(warehouse.dsl().selectFrom("model_apply")));
        }
        try (Warehouse reopened = Warehouse.open(url)) {
            assertFalse(reopened.schemaChangedOnOpen());
            assertFalse(bundled.applyIfChanged(reopened));
            reopened.dsl().execute("DROP VIEW segment_dim");
            assertTrue(bundled.applyIfChanged(reopened), "a view is missing");
            reopened.dsl().resultQuery("select count(*) from segment_dim").fetch(); // there again, or this throws

            Files.createDirectories(dir.resolve("models"));
            Files.writeString(dir.resolve("models/my_view.sql"), "-- grain: one row\nSELECT 1 AS one");
            Models.in(dir).apply(reopened);
            assertEquals(Models.in(dir).fingerprint(), Models.appliedFingerprint(reopened));
            assertTrue(bundled.applyIfChanged(reopened), "other models were applied since");
            assertEquals(bundled.fingerprint(), Models.appliedFingerprint(reopened));
        }
        if (engine == Engine.DUCKDB) {
            // a warehouse made from the migrations alone has no views until its first apply
            String migrated = WAREHOUSES.freshUrl(engine);
            try (Warehouse w = Warehouse.open(migrated, null)) {
                assertTrue(w.schemaChangedOnOpen());
                assertNull(Models.appliedFingerprint(w));
                assertTrue(bundled.applyIfChanged(w));
            }
            try (Warehouse w = Warehouse.open(migrated, null)) {
                assertFalse(bundled.applyIfChanged(w));
            }
        }
    }

    /** The default configuration, two weekly refreshes of 60 customers, their activity and an always-on program. */
    private static List<WarehouseRow> pipelineOutput() {
        String[] segments = {"Champions", "Loyal", "At Risk", "Hibernating", "Can't Lose Them"};
        List<WarehouseRow> rows = new ArrayList<>(ConfiguredSegment.of(ConfigBundle.loadDefault()));
        for (int i = 0; i < 60; i++) {
            String id = "c" + i;
            rows.add(assignment(id, AS_OF, segments[i % 5], true));
            rows.add(assignment(id, AS_OF_PLUS_7D, segments[(i + i / 20) % 5], true));
            rows.add(treatment("always_on_" + segments[i % 5], id, T0, i % 4 == 0 ? Arm.HOLDOUT : Arm.TREATMENT, 0.5));
            rows.add(activity(id, AS_OF.plusDays(1 + i % 90), i % 3, 20.0 * (i % 3)));
        }
        return rows;
    }
}
