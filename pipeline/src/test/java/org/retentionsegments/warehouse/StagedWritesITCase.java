package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF_PLUS_7D;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;
import static org.retentionsegments.warehouse.WarehouseFixtures.assignment;
import static org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_DAILY;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.REFRESH_RUN;
import static org.retentionsegments.warehouse.jooq.Tables.REJECTED_INPUT;
import static org.retentionsegments.warehouse.jooq.Tables.SCORE_BOUNDARY;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;
import static org.retentionsegments.warehouse.jooq.Tables.TREATMENT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.RefreshRun;
import org.retentionsegments.core.RejectedInput;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;

/**
 * What the staged writes (DuckDB appender, PostgreSQL binary COPY) could get wrong: text that a
 * text-format COPY would have to escape and text beyond ASCII, NULLs beside empty text, exact
 * decimals, doubles and timestamps, and the upsert rules across calls large enough to go through
 * the stages as the sink sends them.
 */
class StagedWritesITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final Clock FIRST_WRITE = Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC);
    private static final Clock NEXT_DAY = Clock.offset(FIRST_WRITE, Duration.ofDays(1));

    /** Text that COPY's text format treats specially, and text beyond ASCII. */
    private static final List<String> AWKWARD = List.of("", "it's \"quoted\"", "back\\slash \\N \\. \\t", "tab\there",
            "new\nline", "carriage\rreturn\r\n", "\\", "\\N", "NULL", "zürich ünïcödé €", "日本語", "emoji 😀 𝄞",
            "lone surrogate-free\u00a0nbsp", "trailing space ", "a,b;c|d", "\u0001\u007f control");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void awkwardTextAndNullsRoundTripExactly(Engine engine) {
        List<WarehouseRow> rows = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = AWKWARD.get(i);
            rows.add(new RejectedInput("run-" + i, "orders", text, (long) i, text, "reason: " + text));
            rows.add(new Treatment(text, "c" + i, T0, Arm.TREATMENT, text, i % 2 == 0 ? null : text, null, "input"));
        }
        rows.add(new RejectedInput("run-null", "orders", null, null, null, "no position"));
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            DSLContext dsl = warehouse.dsl();
            for (int i = 0; i < AWKWARD.size(); i++) {
                String text = AWKWARD.get(i);
                assertEquals(Arrays.asList(text, text, "reason: " + text, (long) i),
                        Arrays.asList(dsl.select(REJECTED_INPUT.INPUT_FILE, REJECTED_INPUT.RAW_TEXT, REJECTED_INPUT.REASON,
                                REJECTED_INPUT.INPUT_LINE).from(REJECTED_INPUT).where(REJECTED_INPUT.RUN_ID.eq("run-" + i))
                                .fetchSingle().intoArray()), "rejected row " + i);
                assertEquals(Arrays.asList(text, text, i % 2 == 0 ? null : text, null),
                        Arrays.asList(dsl.select(TREATMENT.PROGRAM_ID, TREATMENT.SEGMENT, TREATMENT.CHANNEL, TREATMENT.COST)
                                .from(TREATMENT).where(TREATMENT.CUSTOMER_ID.eq("c" + i)).fetchSingle().intoArray()),
                        "treatment " + i);
            }
            assertEquals(Arrays.asList(null, "", null),
                    Arrays.asList(dsl.select(REJECTED_INPUT.INPUT_FILE, REJECTED_INPUT.RAW_TEXT, REJECTED_INPUT.INPUT_LINE)
                            .from(REJECTED_INPUT).where(REJECTED_INPUT.RUN_ID.eq("run-null")).fetchSingle().intoArray()),
                    "a NULL stays NULL, a missing raw text is empty text");
            assertEquals(1, dsl.fetchCount(TREATMENT, TREATMENT.PROGRAM_ID.eq("")), "empty text is not NULL");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNewRunsRejectedRowsWrittenStraightReadBackAsTheStagedOnes(Engine engine) {
        List<RejectedInput> staged = new ArrayList<>();
        List<RejectedInput> straight = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = AWKWARD.get(i);
            staged.add(new RejectedInput("staged", "orders", text, (long) i, text, "reason: " + text));
            straight.add(new RejectedInput("straight", "orders", text, (long) i, text, "reason: " + text));
        }
        staged.add(new RejectedInput("staged", "customers", null, null, null, "no position"));
        straight.add(new RejectedInput("straight", "customers", null, null, null, "no position"));
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            WarehouseWriter writer = new WarehouseWriter(warehouse, FIRST_WRITE);
            assertEquals(staged.size(), writer.write(staged));
            assertEquals(straight.size(), writer.writeRejectedOfNewRun(straight));
            DSLContext dsl = warehouse.dsl();
            var r = REJECTED_INPUT;
            var columns = List.of(r.SOURCE, r.INPUT_FILE, r.INPUT_LINE, r.RAW_TEXT, r.REASON);
            assertEquals(staged.size(), dsl.fetchCount(r, r.RUN_ID.eq("straight")));
            assertEquals(0, dsl.fetchCount(dsl.select(columns).from(r).where(r.RUN_ID.eq("staged"))
                    .exceptAll(dsl.select(columns).from(r).where(r.RUN_ID.eq("straight")))));
            assertEquals(0, dsl.fetchCount(dsl.select(columns).from(r).where(r.RUN_ID.eq("straight"))
                    .exceptAll(dsl.select(columns).from(r).where(r.RUN_ID.eq("staged")))));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRejectedRowWithAPlaceIsWrittenOnceOneWithoutAPlaceEachTime(Engine engine) {
        // a continuous job restored from a checkpoint writes its rejected rows again
        List<WarehouseRow> rows = List.of(
                new RejectedInput("run-again", "orders", "orders/0", 7L, "x", "late"),
                new RejectedInput("run-again", "orders", "orders/1", 7L, "y", "late"),
                new RejectedInput("run-again", "orders", null, null, "z", "from an adapter"));
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            DSLContext dsl = warehouse.dsl();
            assertEquals(List.of("x", "y", "z", "z"), dsl.select(REJECTED_INPUT.RAW_TEXT).from(REJECTED_INPUT)
                    .where(REJECTED_INPUT.RUN_ID.eq("run-again")).orderBy(REJECTED_INPUT.RAW_TEXT)
                    .fetch(REJECTED_INPUT.RAW_TEXT));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void decimalsDoublesAndTimestampsRoundTripExactly(Engine engine) {
        double[] amounts = {0.0, 0.005, 0.015, 0.025, 1.005, 2.675, 321.455, -0.01, -12.345, 123456789.995, 9.99e14};
        Double[] doubles = {0.1, 1.0 / 3, 1e-7, 2.5e-300, 1.7976931348623157e308, -0.0, 4.9e-324, 123456.789};
        Instant[] instants = {T0, T0.plusMillis(1), T0.plusNanos(1_000), T0.plusNanos(123_456_000),
            Instant.parse("1999-12-31T23:59:59.999999Z"), Instant.parse("2038-01-19T03:14:08Z")};
        List<WarehouseRow> rows = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            rows.add(new ActivityDay("c" + i, AS_OF, 1, 0, amounts[i], Math.abs(amounts[i]), 0));
        }
        for (int i = 0; i < doubles.length; i++) {
            rows.add(new ScoreBoundary(AS_OF, "monetary", "quantile", i, doubles[i], i == 0 ? null : -doubles[i], Long.MAX_VALUE - i));
        }
        for (int i = 0; i < instants.length; i++) {
            rows.add(new RefreshRun("run-" + i, "orders", instants[i], i == 0 ? null : instants[i].plusSeconds(1), i == 0 ? null : AS_OF,
                    i, 0, 0, 0, Long.MIN_VALUE + i));
        }
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            DSLContext dsl = warehouse.dsl();
            for (int i = 0; i < amounts.length; i++) {
                BigDecimal cents = BigDecimal.valueOf(amounts[i]).setScale(2, java.math.RoundingMode.HALF_EVEN);
                assertEquals(List.of(cents, cents.abs()), List.of(dsl.select(ACTIVITY_DAILY.REVENUE, ACTIVITY_DAILY.RETURNS)
                        .from(ACTIVITY_DAILY).where(ACTIVITY_DAILY.CUSTOMER_ID.eq("c" + i)).fetchSingle().intoArray()), "amount " + amounts[i]);
            }
            for (int i = 0; i < doubles.length; i++) {
                assertEquals(Arrays.asList(doubles[i], i == 0 ? null : -doubles[i], Long.MAX_VALUE - i),
                        Arrays.asList(dsl.select(SCORE_BOUNDARY.LOWER_BOUND, SCORE_BOUNDARY.UPPER_BOUND, SCORE_BOUNDARY.CUSTOMERS)
                                .from(SCORE_BOUNDARY).where(SCORE_BOUNDARY.SCORE.eq(i)).fetchSingle().intoArray()), "double " + doubles[i]);
            }
            for (int i = 0; i < instants.length; i++) {
                LocalDateTime at = LocalDateTime.ofInstant(instants[i], ZoneOffset.UTC);
                assertEquals(Arrays.asList(at, i == 0 ? null : at.plusSeconds(1), i == 0 ? null : AS_OF, Long.MIN_VALUE + i),
                        Arrays.asList(dsl.select(REFRESH_RUN.STARTED_AT, REFRESH_RUN.FINISHED_AT, REFRESH_RUN.AS_OF, REFRESH_RUN.CUSTOMERS)
                                .from(REFRESH_RUN).where(REFRESH_RUN.RUN_ID.eq("run-" + i)).fetchSingle().intoArray()), "instant " + instants[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReplayOfSinkSizedCallsChangesNothingAndAnOlderRefreshNeverWins(Engine engine) {
        List<WarehouseRow> week1 = new ArrayList<>();
        List<WarehouseRow> week2 = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            week1.add(assignment("c" + i, AS_OF, "Loyal", true));
            week2.add(assignment("c" + i, AS_OF_PLUS_7D, i % 2 == 0 ? "Loyal" : "At Risk", true));
        }
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(week2);
            new WarehouseWriter(warehouse, NEXT_DAY).write(week1);
            new WarehouseWriter(warehouse, NEXT_DAY).write(week2);
            DSLContext dsl = warehouse.dsl();
            // timestamps compared here, not in SQL: jOOQ renders a cast DuckDB cannot parse for a bound timestamp
            assertEquals(Map.of(List.of(AS_OF_PLUS_7D, LocalDateTime.parse("2024-03-02T00:00")), 30_000L),
                    count(dsl.select(CUSTOMER_SEGMENT.AS_OF, CUSTOMER_SEGMENT.UPDATED_AT).from(CUSTOMER_SEGMENT).fetch()),
                    "the older week never replaced the newer one, and the replay did not touch updated_at");
            assertEquals(15_000, dsl.fetchCount(CUSTOMER_SEGMENT, CUSTOMER_SEGMENT.SEGMENT.eq("At Risk")));
            assertEquals(60_000, dsl.fetchCount(SEGMENT_SNAPSHOT), "both weeks kept as history");
            assertEquals(Map.of(List.of(AS_OF_PLUS_7D, LocalDateTime.parse("2024-03-02T00:00")), 30_000L,
                            List.of(AS_OF, LocalDateTime.parse("2024-03-03T00:00")), 30_000L),
                    count(dsl.select(SEGMENT_SNAPSHOT.AS_OF, SEGMENT_SNAPSHOT.UPDATED_AT).from(SEGMENT_SNAPSHOT).fetch()),
                    "the week first written on the second day has that day's updated_at, the replayed week kept its own");
        }
    }

    private static Map<List<Object>, Long> count(org.jooq.Result<?> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> List.of(r.intoArray()), Collectors.counting()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withinOneCallTheLaterRowWinsAndAChangedColumnUpdatesTheRow(Engine engine) {
        SegmentAssignment first = assignment("c1", AS_OF, "Loyal", true);
        SegmentAssignment later = new SegmentAssignment("c1", AS_OF, 12, 4, 321.455, 5, 4, 3, "543", 4.2,
                LifecycleStage.LAPSING, false, true, false, true, null, 0.75, 3, 9, "Loyal", "reward", Arm.TREATMENT, true, true);
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(List.of(first, later,
                    new ActivityDay("c1", AS_OF, 1, 0, 1.0, 0.0, 0), new ActivityDay("c1", AS_OF, 2, 0, 2.0, 0.0, 0)));
            DSLContext dsl = warehouse.dsl();
            assertEquals(Arrays.asList("lapsing", null), Arrays.asList(dsl.select(CUSTOMER_SEGMENT.LIFECYCLE_STAGE,
                    CUSTOMER_SEGMENT.TOP_CATEGORY).from(CUSTOMER_SEGMENT).fetchSingle().intoArray()));
            assertEquals(Arrays.asList("lapsing", null), Arrays.asList(dsl.select(SEGMENT_SNAPSHOT.LIFECYCLE_STAGE,
                    SEGMENT_SNAPSHOT.TOP_CATEGORY).from(SEGMENT_SNAPSHOT).fetchSingle().intoArray()));
            assertEquals(new BigDecimal("2.00"), dsl.fetchSingle(ACTIVITY_DAILY).getRevenue());

            new WarehouseWriter(warehouse, NEXT_DAY).write(List.of(first));
            assertEquals(List.of("active", "shoes", LocalDateTime.parse("2024-03-03T00:00")),
                    List.of(dsl.select(SEGMENT_SNAPSHOT.LIFECYCLE_STAGE, SEGMENT_SNAPSHOT.TOP_CATEGORY, SEGMENT_SNAPSHOT.UPDATED_AT)
                            .from(SEGMENT_SNAPSHOT).fetchSingle().intoArray()), "a NULL that became a value counts as a change");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefreshSplitOverCallsIsAppendedStraightAndARepeatedKeyStillUpdates(Engine engine) {
        // one refresh's snapshot rows in three calls, as the sink sends a large refresh; the third
        // repeats two customers of the first call with another segment, and one of an older refresh
        List<List<WarehouseRow>> calls = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            List<WarehouseRow> rows = new ArrayList<>();
            for (int i = call * 10_000; i < (call + 1) * 10_000; i++) {
                rows.add(assignment("c" + i, AS_OF_PLUS_7D, "Loyal", true));
            }
            calls.add(rows);
        }
        calls.get(2).add(assignment("c5", AS_OF_PLUS_7D, "At Risk", true));
        calls.get(2).add(assignment("c17", AS_OF_PLUS_7D, "Champions", true));
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(List.of(assignment("c5", AS_OF, "New", true)));
            WarehouseWriter writer = new WarehouseWriter(warehouse, FIRST_WRITE);
            calls.forEach(writer::write);
            DSLContext dsl = warehouse.dsl();
            assertEquals(30_001, dsl.fetchCount(SEGMENT_SNAPSHOT), "each key once, the older refresh's row kept");
            assertEquals(List.of("At Risk", "Champions", "Loyal", "New"), dsl.select(SEGMENT_SNAPSHOT.SEGMENT)
                    .from(SEGMENT_SNAPSHOT).where(SEGMENT_SNAPSHOT.CUSTOMER_ID.in("c5", "c17", "c18"))
                    .orderBy(SEGMENT_SNAPSHOT.SEGMENT).fetch(SEGMENT_SNAPSHOT.SEGMENT));
            if (engine == Engine.DUCKDB) {
                // the snapshot rows of every call but the two repeated keys (the current rows have no frontier)
                assertTrue(writer.appendedStraight() >= 29_990 && writer.appendedStraight() <= 30_000,
                        "appended straight: " + writer.appendedStraight());
            }
        }
    }
}
