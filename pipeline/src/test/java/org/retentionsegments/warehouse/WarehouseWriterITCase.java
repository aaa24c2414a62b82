package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF_PLUS_7D;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0_PLUS_1H;
import static org.retentionsegments.warehouse.WarehouseFixtures.activity;
import static org.retentionsegments.warehouse.WarehouseFixtures.assignment;
import static org.retentionsegments.warehouse.WarehouseFixtures.boundary;
import static org.retentionsegments.warehouse.WarehouseFixtures.configured;
import static org.retentionsegments.warehouse.WarehouseFixtures.prospect;
import static org.retentionsegments.warehouse.WarehouseFixtures.rejected;
import static org.retentionsegments.warehouse.WarehouseFixtures.run;
import static org.retentionsegments.warehouse.WarehouseFixtures.transition;
import static org.retentionsegments.warehouse.WarehouseFixtures.treatment;
import static org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_DAILY;
import static org.retentionsegments.warehouse.jooq.Tables.CONFIG_VERSION;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.PURCHASE_CYCLE;
import static org.retentionsegments.warehouse.jooq.Tables.REFRESH_RUN;
import static org.retentionsegments.warehouse.jooq.Tables.REJECTED_INPUT;
import static org.retentionsegments.warehouse.jooq.Tables.SCORE_BOUNDARY;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_CONFIG;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_TRANSITION;
import static org.retentionsegments.warehouse.jooq.Tables.TREATMENT;

import java.math.BigDecimal;
import org.jooq.impl.DSL;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.TransitionEvent;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.warehouse.jooq.tables.records.CustomerSegmentRecord;

class WarehouseWriterITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final Clock FIRST_WRITE = Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC);
    private static final Clock NEXT_DAY = Clock.offset(FIRST_WRITE, java.time.Duration.ofDays(1));
    /** A configuration digest, as ConfigTexts.version() gives. */
    private static final String CONFIG = "0123456789ab";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyRowTypeRoundTrips(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            int written = new WarehouseWriter(warehouse, FIRST_WRITE, CONFIG).write(List.of(
                    assignment("c1", AS_OF, "Champions", true), prospect("c2", AS_OF),
                    transition("c1", AS_OF, null, "Champions"),
                    boundary(AS_OF, "monetary", 1, null, 50.0),
                    activity("c1", AS_OF, 2, 99.999),
                    treatment("winback", "c1", T0, Arm.HOLDOUT, null),
                    treatment("winback", "c2", T0, Arm.TREATMENT, 1.25),
                    run("run-1", "orders"), rejected("run-1", "x,y,z"), configured("At Risk", true),
                    new org.retentionsegments.core.PurchaseCycle(AS_OF, 30.5, true, 1200, 30.5, 61, 122),
                    new SegmentAssignment("c3", AS_OF, 5, 1, 10.0, 5, 1, 1, "511", 2.3,
                            org.retentionsegments.core.LifecycleStage.NEW, false, false, false, false, null, null, 1, 1,
                            "New", "welcome", Arm.HOLDOUT, false, true, new SegmentAssignment.Traits(null, null,
                                    AS_OF.minusDays(5), "app", 0.5, 0.25, "app_session", Boolean.FALSE, "DE"),
                            new SegmentAssignment.Lifetime(7, -12.5, 300.0, 4, 1))));
            assertEquals(14, written, "3 current + 2 snapshot + 9 other rows");
            DSLContext dsl = warehouse.dsl();

            CustomerSegmentRecord c1 = dsl.selectFrom(CUSTOMER_SEGMENT).where(CUSTOMER_SEGMENT.CUSTOMER_ID.eq("c1")).fetchSingle();
            assertEquals(Arrays.asList("c1", AS_OF, 12, 4, new BigDecimal("321.46"), 5, 4, 3, "543", 4.2, "active",
                            false, true, false, true, "shoes", 0.75, 3, 9, "Champions", "reward", "treatment",
                            LocalDateTime.parse("2024-03-02T00:00"), null, null, null, null, 0.0, 0.0, null, null, null,
                            0, new BigDecimal("0.00"), new BigDecimal("0.00"), null, null, false, null, null, CONFIG),
                    Arrays.asList(c1.intoArray()));
            assertEquals(Arrays.asList(null, null, AS_OF.minusDays(5), "app", 0.5, 0.25, "app_session", false, "DE"),
                    Arrays.asList(dsl.select(CUSTOMER_SEGMENT.LEAD_SCORE, CUSTOMER_SEGMENT.LEAD_CLASS,
                            CUSTOMER_SEGMENT.FIRST_ORDER_DATE, CUSTOMER_SEGMENT.TOP_CHANNEL, CUSTOMER_SEGMENT.DISCOUNT_SHARE,
                            CUSTOMER_SEGMENT.RETURN_SHARE, CUSTOMER_SEGMENT.TOP_ENGAGEMENT, CUSTOMER_SEGMENT.EMAIL_CONSENT,
                            CUSTOMER_SEGMENT.COUNTRY).from(CUSTOMER_SEGMENT).where(CUSTOMER_SEGMENT.CUSTOMER_ID.eq("c3"))
                            .fetchSingle().intoArray()), "the lead and persona columns");
            assertEquals(Arrays.asList(7, new BigDecimal("-12.50"), new BigDecimal("300.00"), 4, 1),
                    Arrays.asList(dsl.select(CUSTOMER_SEGMENT.LIFETIME_ORDERS, CUSTOMER_SEGMENT.LIFETIME_REVENUE,
                            CUSTOMER_SEGMENT.PEAK_WINDOW_VALUE, CUSTOMER_SEGMENT.LIFETIME_F_SCORE,
                            CUSTOMER_SEGMENT.LIFETIME_M_SCORE).from(CUSTOMER_SEGMENT)
                            .where(CUSTOMER_SEGMENT.CUSTOMER_ID.eq("c3")).fetchSingle().intoArray()),
                    "the lifetime columns (a net refund ever is negative)");
            CustomerSegmentRecord c2 = dsl.selectFrom(CUSTOMER_SEGMENT).where(CUSTOMER_SEGMENT.CUSTOMER_ID.eq("c2")).fetchSingle();
            assertNull(c2.getRecencyDays());
            assertNull(c2.getRScore());
            assertNull(c2.getArm());
            assertEquals("prospect", c2.getLifecycleStage());
            assertEquals(dump(dsl, CUSTOMER_SEGMENT, CUSTOMER_SEGMENT.CUSTOMER_ID.ne("c3")), dump(dsl, SEGMENT_SNAPSHOT,
                    DSL.noCondition()), "snapshot keeps the same columns");

            assertEquals(Arrays.asList("c1", AS_OF, null, "Champions", CONFIG),
                    Arrays.asList(dsl.selectFrom(SEGMENT_TRANSITION).fetchSingle().intoArray()));
            assertEquals(Arrays.asList(AS_OF, "monetary", 1, "quantile", null, 50.0, 20L, CONFIG),
                    Arrays.asList(dsl.selectFrom(SCORE_BOUNDARY).fetchSingle().intoArray()));
            assertEquals(List.of("c1", AS_OF, 2, 0, new BigDecimal("100.00"), new BigDecimal("0.00"), 2),
                    List.of(dsl.selectFrom(ACTIVITY_DAILY).fetchSingle().intoArray()));
            assertEquals(Arrays.asList("winback", "c1", LocalDateTime.parse("2024-03-01T09:30"), "holdout",
                            "At Risk", "email", null, "always_on", CONFIG),
                    Arrays.asList(dsl.selectFrom(TREATMENT).where(TREATMENT.CUSTOMER_ID.eq("c1")).fetchSingle().intoArray()));
            assertEquals(new BigDecimal("1.25"), dsl.select(TREATMENT.COST).from(TREATMENT).where(TREATMENT.CUSTOMER_ID.eq("c2")).fetchSingle().value1());
            assertEquals(List.of("run-1", "orders", LocalDateTime.parse("2024-03-01T09:30"),
                            LocalDateTime.parse("2024-03-01T10:30"), AS_OF, 10L, 7L, 2L, 1L, 5L, CONFIG),
                    List.of(dsl.selectFrom(REFRESH_RUN).fetchSingle().intoArray()));
            assertEquals(List.of("run-1", "orders", "x,y,z", "amount is not a number", "orders.csv", 7L),
                    List.of(dsl.selectFrom(REJECTED_INPUT).fetchSingle().intoArray()));
            assertEquals(List.of("At Risk", true, LocalDateTime.parse("2024-03-02T00:00"), true, CONFIG),
                    List.of(dsl.select(SEGMENT_CONFIG.SEGMENT, SEGMENT_CONFIG.AT_RISK, SEGMENT_CONFIG.UPDATED_AT,
                            SEGMENT_CONFIG.IN_CONFIG, SEGMENT_CONFIG.CONFIG_VERSION).from(SEGMENT_CONFIG).fetchSingle()
                            .intoArray()));
            assertEquals(List.of(AS_OF, 30.5, true, 1200L, 30.5, 61.0, 122.0, LocalDateTime.parse("2024-03-02T00:00"),
                            CONFIG),
                    List.of(dsl.selectFrom(PURCHASE_CYCLE).fetchSingle().intoArray()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void segmentConfigKeepsEachSegmentsRuleAndStrategyAndRetiresTheSegmentsALaterConfigurationDrops(Engine engine) {
        ConfigBundle defaults = org.retentionsegments.core.fixtures.ConfigTexts.classic();
        ConfigBundle renamed = ConfigTexts.classicWithSegmentsRenamed(Map.of("At Risk", "Slipping Away"));
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            DSLContext dsl = warehouse.dsl();
            var c = SEGMENT_CONFIG;
            new WarehouseWriter(warehouse, FIRST_WRITE).write(ConfiguredSegment.of(defaults));
            assertEquals(12, dsl.fetchCount(c, c.IN_CONFIG.isTrue()));
            // the suppressed segment: its rule, its strategy, and no program
            assertEquals(Arrays.asList(12, "suppress", "none", "none", new BigDecimal("0.00"), true, false, false,
                            null, 0.0, true),
                    Arrays.asList(dsl.select(c.SEGMENT_ORDER, c.STRATEGY, c.CHANNEL, c.INCENTIVE_TYPE, c.INCENTIVE_CAP,
                            c.SUPPRESS, c.HIGH_TOUCH, c.ALWAYS_ON, c.PROGRAM_ID, c.HOLDOUT_SHARE, c.IN_CONFIG)
                            .from(c).where(c.SEGMENT.eq("Lost")).fetchSingle().intoArray()));
            Strategy atRisk = defaults.strategies().forSegment("At Risk");
            assertEquals(Arrays.asList(atRisk.priority(), atRisk.name(), atRisk.channel(), true, atRisk.programId(),
                            defaults.segments().segments().get(defaults.segments().indexOf("At Risk")).description()),
                    Arrays.asList(dsl.select(c.PRIORITY, c.STRATEGY, c.CHANNEL, c.ALWAYS_ON, c.PROGRAM_ID, c.DESCRIPTION)
                            .from(c).where(c.SEGMENT.eq("At Risk")).fetchSingle().intoArray()));

            new WarehouseWriter(warehouse, NEXT_DAY).write(ConfiguredSegment.of(renamed));
            assertEquals(13, dsl.fetchCount(c));
            assertEquals(List.of("At Risk"), dsl.select(c.SEGMENT).from(c).where(c.IN_CONFIG.isFalse()).fetch(c.SEGMENT));
            assertEquals(LocalDateTime.parse("2024-03-03T00:00"),
                    dsl.select(c.UPDATED_AT).from(c).where(c.SEGMENT.eq("At Risk")).fetchSingle().value1());
            assertEquals(LocalDateTime.parse("2024-03-02T00:00"),
                    dsl.select(c.UPDATED_AT).from(c).where(c.SEGMENT.eq("Lost")).fetchSingle().value1(),
                    "an unchanged segment keeps its updated_at");
            assertEquals(atRisk.priority(),
                    dsl.select(c.PRIORITY).from(c).where(c.SEGMENT.eq("Slipping Away")).fetchSingle().value1());

            String before = dump(dsl, c);
            new WarehouseWriter(warehouse, Clock.offset(NEXT_DAY, java.time.Duration.ofDays(1))).write(
                    ConfiguredSegment.of(renamed));
            assertEquals(before, dump(dsl, c), "writing the same configuration again changes nothing");

            new WarehouseWriter(warehouse, NEXT_DAY).write(ConfiguredSegment.of(defaults));
            assertEquals(List.of("Slipping Away"), dsl.select(c.SEGMENT).from(c).where(c.IN_CONFIG.isFalse()).fetch(c.SEGMENT),
                    "renaming back configures the old name again");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachConfigurationsTextsAreKeptOnceUnderItsDigest(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE, CONFIG).recordConfig(CONFIG, "p", "s", "st", "l", null);
            // a re-run, a restart: the same digest again, a day later, changes nothing (first_seen_at included)
            new WarehouseWriter(warehouse, NEXT_DAY, CONFIG).recordConfig(CONFIG, "p", "s", "st", "l", null);
            new WarehouseWriter(warehouse, NEXT_DAY, "ba9876543210").recordConfig("ba9876543210", "p2", "s", "st", "l",
                    "{}");
            var c = CONFIG_VERSION;
            assertEquals(List.of(List.of(CONFIG, "p", "s", "st", "l", "-", LocalDateTime.parse("2024-03-02T00:00")),
                            List.of("ba9876543210", "p2", "s", "st", "l", "{}", LocalDateTime.parse("2024-03-03T00:00"))),
                    warehouse.dsl().select(c.CONFIG_VERSION_, c.PIPELINE_YAML, c.SEGMENTS_YAML, c.STRATEGIES_YAML,
                                    c.LEAD_SCORING_YAML, DSL.coalesce(c.CLUSTER_MODEL_JSON, "-"), c.FIRST_SEEN_AT)
                            .from(c).orderBy(c.FIRST_SEEN_AT)
                            .fetch(r -> List.of(r.intoArray())));
        }
    }

    /**
     * A continuous job's sends: each message once per topic, customer and refresh day, with the
     * message's own configuration digest; written again after a restore, the table stays as it was.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void topicDeliveriesAreKeptOncePerTopicCustomerAndDay(Engine engine) {
        var d = org.retentionsegments.warehouse.jooq.Tables.TOPIC_DELIVERY;
        List<WarehouseRow> sent = List.of(
                org.retentionsegments.core.TopicDelivery.of("p-segment-transitions", new TransitionEvent("c1", AS_OF,
                        "Champions", "At Risk", "winback", Arm.TREATMENT, "always_on", "fedcba987654")),
                org.retentionsegments.core.TopicDelivery.of("p-segment-transitions", new TransitionEvent("c2", AS_OF,
                        null, "Lost", "suppress", null, null, "fedcba987654")));
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            assertEquals(2, new WarehouseWriter(warehouse, FIRST_WRITE, CONFIG).write(sent));
            assertEquals(2, new WarehouseWriter(warehouse, NEXT_DAY, CONFIG).write(sent));
            assertEquals(List.of(Arrays.asList("p-segment-transitions", "c1", AS_OF, "Champions", "At Risk", "always_on",
                            "treatment", "fedcba987654"), Arrays.asList("p-segment-transitions", "c2", AS_OF, null, "Lost",
                            null, null, "fedcba987654")),
                    warehouse.dsl().selectFrom(d).orderBy(d.CUSTOMER_ID).fetch().stream()
                            .map(r -> Arrays.asList(r.intoArray())).toList());
        }
    }

    /**
     * Today's activity: a later count of the day replaces the stored one, an earlier count (a
     * restored job on its way back) or an earlier day does not, a later day does; in one call too.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void todaysActivityKeepsTheLatestCountOfTheNewestDay(Engine engine) {
        var l = org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_LIVE;
        Instant at = Instant.parse("2024-03-01T10:15:30Z");
        java.util.function.BiFunction<LocalDate, Integer, WarehouseRow> live = (day, records) ->
                new org.retentionsegments.core.LiveActivity("c1", day, records, 0, records * 10.0 + 0.25, 0, 1, records, at);
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            java.util.function.Supplier<List<Object>> stored = () -> Arrays.asList(warehouse.dsl()
                    .select(l.ACTIVITY_DATE, l.RECORDS, l.REVENUE).from(l).fetchOne().intoArray());
            WarehouseWriter writer = new WarehouseWriter(warehouse, FIRST_WRITE, CONFIG);
            writer.write(List.of(live.apply(AS_OF, 5)));
            writer.write(List.of(live.apply(AS_OF, 3)));
            assertEquals(Arrays.asList(AS_OF, 5, new java.math.BigDecimal("50.25")), stored.get(), "an earlier count");
            writer.write(List.of(live.apply(AS_OF.minusDays(1), 9)));
            assertEquals(Arrays.asList(AS_OF, 5, new java.math.BigDecimal("50.25")), stored.get(), "an earlier day");
            writer.write(List.of(live.apply(AS_OF, 7), live.apply(AS_OF, 6)));
            assertEquals(Arrays.asList(AS_OF, 7, new java.math.BigDecimal("70.25")), stored.get(), "the call's latest");
            writer.write(List.of(live.apply(AS_OF.plusDays(1), 1)));
            assertEquals(Arrays.asList(AS_OF.plusDays(1), 1, new java.math.BigDecimal("10.25")), stored.get(),
                    "a later day");
            assertEquals(1, warehouse.dsl().fetchCount(l), "one row per customer");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void writingTheSameRowsTwiceLeavesEveryTableIdentical(Engine engine) {
        List<WarehouseRow> rows = manyRows(2_600);
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            Map<String, String> first = dumpAll(warehouse.dsl());
            new WarehouseWriter(warehouse, NEXT_DAY).write(rows);
            assertEquals(first, dumpAll(warehouse.dsl()));
            assertEquals(2_600, warehouse.dsl().fetchCount(CUSTOMER_SEGMENT));
            assertEquals(1_300, warehouse.dsl().fetchCount(SEGMENT_SNAPSHOT));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aChangedRowIsUpdatedButAnOlderRefreshNeverOverwritesANewerOne(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(List.of(assignment("c1", AS_OF_PLUS_7D, "Loyal", false)));
            new WarehouseWriter(warehouse, NEXT_DAY).write(List.of(assignment("c1", AS_OF, "Champions", false)));
            CustomerSegmentRecord stored = warehouse.dsl().fetchSingle(CUSTOMER_SEGMENT);
            assertEquals(List.of(AS_OF_PLUS_7D, "Loyal", LocalDateTime.parse("2024-03-02T00:00")),
                    List.of(stored.getAsOf(), stored.getSegment(), stored.getUpdatedAt()));

            new WarehouseWriter(warehouse, NEXT_DAY).write(List.of(assignment("c1", AS_OF_PLUS_7D, "At Risk", false)));
            stored = warehouse.dsl().fetchSingle(CUSTOMER_SEGMENT);
            assertEquals(List.of(AS_OF_PLUS_7D, "At Risk", LocalDateTime.parse("2024-03-03T00:00")),
                    List.of(stored.getAsOf(), stored.getSegment(), stored.getUpdatedAt()));
            assertEquals(0, warehouse.dsl().fetchCount(SEGMENT_SNAPSHOT), "snapshot() false keeps no history");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCallSpanningSeveralDaysUpdatesItsStoredDaysOnlyAndInsertsItsNewOnes(Engine engine) {
        LocalDate d14 = AS_OF.plusDays(14);
        Instant t = Instant.parse("2024-03-01T10:15:30.123456Z");
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(List.of(
                    assignment("c1", AS_OF, "Loyal", true), assignment("c1", AS_OF_PLUS_7D, "Loyal", true),
                    assignment("c1", d14, "Loyal", true), assignment("c2", AS_OF_PLUS_7D, "Loyal", true),
                    treatment("p", "c1", t, Arm.TREATMENT, 0.5), treatment("p", "c1", t.plusSeconds(86_400), Arm.TREATMENT, 0.5)));
            // the stored days 7 and 14 change, day 0 lies outside the call's days, day 21 is new
            new WarehouseWriter(warehouse, NEXT_DAY).write(List.of(
                    assignment("c1", AS_OF_PLUS_7D, "At Risk", true), assignment("c1", d14, "At Risk", true),
                    assignment("c1", AS_OF.plusDays(21), "At Risk", true), assignment("c2", AS_OF_PLUS_7D, "Loyal", true),
                    treatment("p", "c1", t.plusSeconds(86_400), Arm.TREATMENT, 0.75),
                    treatment("p", "c1", t.plusSeconds(2 * 86_400), Arm.TREATMENT, 0.75)));
            assertEquals(List.of("c1 " + AS_OF + " Loyal 2024-03-02T00:00", "c1 " + AS_OF_PLUS_7D + " At Risk 2024-03-03T00:00",
                    "c1 " + d14 + " At Risk 2024-03-03T00:00", "c1 " + AS_OF.plusDays(21) + " At Risk 2024-03-03T00:00",
                    "c2 " + AS_OF_PLUS_7D + " Loyal 2024-03-02T00:00"),
                    warehouse.dsl().selectFrom(SEGMENT_SNAPSHOT).orderBy(SEGMENT_SNAPSHOT.CUSTOMER_ID, SEGMENT_SNAPSHOT.AS_OF)
                            .fetch(r -> r.getCustomerId() + " " + r.getAsOf() + " " + r.getSegment() + " " + r.getUpdatedAt()));
            assertEquals(List.of("0.5", "0.75", "0.75"), warehouse.dsl().select(TREATMENT.COST).from(TREATMENT)
                    .orderBy(TREATMENT.TREATED_TS).fetch(r -> String.valueOf(r.value1().stripTrailingZeros())));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void repeatedKeysInOneCallKeepTheLastRowAndTheLatestRefresh(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            int written = new WarehouseWriter(warehouse).write(List.of(
                    assignment("c1", AS_OF_PLUS_7D, "Loyal", true), assignment("c1", AS_OF, "Champions", true),
                    activity("c1", AS_OF, 1, 10.0), activity("c1", AS_OF, 3, 30.0)));
            assertEquals(4, written);
            assertEquals("Loyal", warehouse.dsl().fetchSingle(CUSTOMER_SEGMENT).getSegment());
            assertEquals(2, warehouse.dsl().fetchCount(SEGMENT_SNAPSHOT));
            assertEquals(3, warehouse.dsl().fetchSingle(ACTIVITY_DAILY).getOrders());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unfinishedRunsAreSupersededAndFinishedOnesKept(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            WarehouseWriter writer = new WarehouseWriter(warehouse);
            java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
            writer.write(List.of(
                    new org.retentionsegments.core.RefreshRun("done", "orders", t, t.plusSeconds(60), AS_OF, 3, 2, 1, 0, 2),
                    new org.retentionsegments.core.RefreshRun("killed", "orders", t, null, AS_OF, 3, 2, 1, 0, 0),
                    new org.retentionsegments.core.RefreshRun("current", "orders", t, null, AS_OF, 3, 2, 1, 0, 0),
                    rejected("done", "a"), rejected("killed", "b"), rejected("current", "c")));
            assertEquals(List.of("killed"), UnfinishedRuns.supersede(warehouse, "current"));
            assertEquals(List.of("a", "c"), warehouse.dsl().select(REJECTED_INPUT.RAW_TEXT).from(REJECTED_INPUT)
                    .orderBy(REJECTED_INPUT.RAW_TEXT).fetch(REJECTED_INPUT.RAW_TEXT));
            assertEquals(List.of("current", "done"), warehouse.dsl().select(REFRESH_RUN.RUN_ID).from(REFRESH_RUN)
                    .orderBy(REFRESH_RUN.RUN_ID).fetch(REFRESH_RUN.RUN_ID));
            assertEquals(List.of(), UnfinishedRuns.supersede(warehouse, "current"), "nothing left to supersede");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusedRowRollsBackTheWholeCall(Engine engine) {
        SegmentAssignment noSegment = assignment("c9", AS_OF, null, true);
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            WarehouseException e = assertThrows(WarehouseException.class, () -> new WarehouseWriter(warehouse)
                    .write(List.of(activity("c1", AS_OF, 1, 5.0), run("r", "orders"), noSegment)));
            assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
            for (Table<?> table : WarehouseFixtures.tables()) {
                assertEquals(0, warehouse.dsl().fetchCount(table), table.getName());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusedRowRollsBackTheRowsAppendedBeforeItInTheCall(Engine engine) {
        // on DuckDB the snapshot, transition and activity rows, past every stored day, go straight to
        // their tables before the treatment without a program is refused
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            new WarehouseWriter(warehouse, FIRST_WRITE).write(List.of(assignment("c0", AS_OF, "Loyal", true)));
            Map<String, String> before = dumpAll(warehouse.dsl());
            LocalDate later = AS_OF.plusDays(7);
            assertThrows(WarehouseException.class, () -> new WarehouseWriter(warehouse, NEXT_DAY).write(List.of(
                    assignment("c1", later, "Loyal", true), transition("c1", later, null, "Loyal"),
                    activity("c1", later, 2, 20.0), treatment(null, "c1", T0.plusSeconds(7 * 86_400), Arm.TREATMENT, 0.5))));
            assertEquals(before, dumpAll(warehouse.dsl()));
            assertEquals(1, warehouse.dsl().fetchCount(SEGMENT_SNAPSHOT));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refreshesWrittenInTimeOrderOrAnyOtherLeaveTheSameTables(Engine engine) {
        // forwards, as a backfill writes, then backwards, with a replay of the first refresh in the third write
        List<WarehouseRow> first = refresh(AS_OF, 300);
        List<WarehouseRow> second = refresh(AS_OF.plusDays(7), 300);
        List<WarehouseRow> third = new ArrayList<>(refresh(AS_OF.plusDays(14), 300));
        third.addAll(first);
        Map<String, String> forwards;
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            for (List<WarehouseRow> rows : List.of(first, second, third)) {
                new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            }
            forwards = dumpAll(warehouse.dsl());
            assertEquals(900, warehouse.dsl().fetchCount(SEGMENT_SNAPSHOT));
            assertEquals(AS_OF.plusDays(14), warehouse.dsl().select(DSL.min(CUSTOMER_SEGMENT.AS_OF))
                    .from(CUSTOMER_SEGMENT).fetchOne(0, LocalDate.class), "an older refresh never overwrites a newer one");
        }
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            for (List<WarehouseRow> rows : List.of(third, second, first)) {
                new WarehouseWriter(warehouse, FIRST_WRITE).write(rows);
            }
            assertEquals(forwards, dumpAll(warehouse.dsl()));
        }
    }

    /** One refresh's rows: every customer's assignment (kept), activity the day before, a transition, an entry. */
    private static List<WarehouseRow> refresh(LocalDate asOf, int customers) {
        List<WarehouseRow> rows = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = "c" + i;
            String segment = (i + asOf.getDayOfMonth()) % 3 == 0 ? "Champions" : "Hibernating";
            rows.add(assignment(id, asOf, segment, true));
            rows.add(new ActivityDay(id, asOf.minusDays(1), 1 + i % 3, i % 2, 10.5 * i, i % 2 * 3.0, i % 5));
            rows.add(transition(id, asOf, "Loyal", segment));
            rows.add(treatment("p" + i % 4, id, asOf.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(i),
                    i % 10 == 0 ? Arm.HOLDOUT : Arm.TREATMENT, 0.5));
        }
        for (int score = 1; score <= 5; score++) {
            rows.add(boundary(asOf, "recency", score, score == 1 ? null : score * 10.0, score == 5 ? null : score * 10.0 + 10));
        }
        return rows;
    }

    private static List<WarehouseRow> manyRows(int customers) {
        List<WarehouseRow> rows = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = "c" + i;
            rows.add(assignment(id, AS_OF, i % 3 == 0 ? "Champions" : "Hibernating", i % 2 == 0));
            rows.add(new ActivityDay(id, AS_OF.minusDays(i % 30), 1 + i % 3, i % 2, 10.5 * i, i % 2 * 3.0, i % 5));
            rows.add(transition(id, AS_OF, null, "Champions"));
            rows.add(treatment("p" + i % 4, id, T0.plusSeconds(i), i % 10 == 0 ? Arm.HOLDOUT : Arm.TREATMENT, 0.5));
        }
        for (int score = 1; score <= 5; score++) {
            rows.add(boundary(AS_OF, "recency", score, score == 1 ? null : score * 10.0, score == 5 ? null : score * 10.0 + 10));
        }
        rows.add(run("run-1", "orders"));
        rows.add(run("run-1", "engagement"));
        return rows;
    }

    private static Map<String, String> dumpAll(DSLContext dsl) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (Table<?> table : WarehouseFixtures.tables()) {
            tables.put(table.getName(), dump(dsl, table));
        }
        return tables;
    }

    private static String dump(DSLContext dsl, Table<?> table) {
        return dump(dsl, table, DSL.noCondition());
    }

    private static String dump(DSLContext dsl, Table<?> table, org.jooq.Condition where) {
        return dsl.selectFrom(table).where(where).orderBy(table.fields()).fetch().formatCSV(false);
    }
}
