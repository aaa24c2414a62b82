package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retentionsegments.warehouse.jooq.Tables.ACTIVITY_DAILY;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.REJECTED_INPUT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_TRANSITION;
import static org.retentionsegments.warehouse.jooq.Tables.TREATMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/** A whole bounded run on fixture files into a DuckDB file. */
class EndToEndDuckDbITCase {

    @RegisterExtension
    static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @Test
    void runsFixturesIntoDuckDb() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        RunInputs inputs = new RunInputs(Map.of(
                InputKind.ORDERS, BatchStageITCase.fixture("orders_mixed.csv"),
                InputKind.ENGAGEMENT, BatchStageITCase.fixture("engagement_small.jsonl"),
                InputKind.TREATMENTS, BatchStageITCase.fixture("treatments_small.csv")), List.of());
        BoundedRun.Result result = BoundedRun.run(
                new BoundedRun.Options(inputs, null, url, null), System.out);

        assertEquals(LocalDate.of(2024, 2, 2), result.asOf(), "the day after the last accepted event");
        try (Warehouse w = Warehouse.open(url)) {
            var dsl = w.dsl();
            assertEquals(7, dsl.fetchCount(REJECTED_INPUT.where(REJECTED_INPUT.SOURCE.eq("orders"))));
            assertEquals(2, dsl.fetchCount(REJECTED_INPUT.where(REJECTED_INPUT.SOURCE.eq("engagement"))));
            var c1 = dsl.selectFrom(CUSTOMER_SEGMENT).where(CUSTOMER_SEGMENT.CUSTOMER_ID.eq("c1")).fetchOne();
            assertEquals(2, c1.getFrequency());
            assertEquals(65.50, c1.getMonetary().doubleValue(), 1e-9);
            assertEquals(1, c1.getRecencyDays(), "c1 last ordered on 2024-02-01, as_of 2024-02-02 -> 1 day");
            var c2 = dsl.selectFrom(CUSTOMER_SEGMENT).where(CUSTOMER_SEGMENT.CUSTOMER_ID.eq("c2")).fetchOne();
            assertEquals(1, c2.getFrequency());
            assertEquals(60.0, c2.getMonetary().doubleValue(), 1e-9, "100 bought, 40 returned");
            assertEquals(3, dsl.fetchCount(CUSTOMER_SEGMENT), "c1, c2 and the engaged prospect c4; c3 had no valid order");
            assertEquals(1, dsl.fetchCount(dsl.selectDistinct(CUSTOMER_SEGMENT.AS_OF).from(CUSTOMER_SEGMENT)),
                    "a backfill writes customer_segment at its final refresh only");
            assertEquals(List.of(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 2)),
                    dsl.selectDistinct(SEGMENT_SNAPSHOT.AS_OF).from(SEGMENT_SNAPSHOT).orderBy(SEGMENT_SNAPSHOT.AS_OF)
                            .fetch(SEGMENT_SNAPSHOT.AS_OF),
                    "the first refresh, the first of each month and the final one are kept, although the"
                            + " treatments (read from their own source) arrive before any facts");
            var spring = dsl.selectFrom(TREATMENT).where(TREATMENT.PROGRAM_ID.eq("spring"))
                    .orderBy(TREATMENT.CUSTOMER_ID).fetch();
            assertEquals(2, spring.size());
            assertEquals(dsl.select(SEGMENT_TRANSITION.TO_SEGMENT).from(SEGMENT_TRANSITION)
                            .where(SEGMENT_TRANSITION.CUSTOMER_ID.eq("c1"), SEGMENT_TRANSITION.AS_OF.le(LocalDate.of(2024, 1, 20)))
                            .orderBy(SEGMENT_TRANSITION.AS_OF.desc()).limit(1).fetchOne(SEGMENT_TRANSITION.TO_SEGMENT),
                    spring.get(0).getSegment(), "stamped with the segment of the last refresh before treatment");
            assertEquals("holdout", spring.get(1).getArm());
            assertEquals(5, dsl.fetchCount(ACTIVITY_DAILY.where(ACTIVITY_DAILY.CUSTOMER_ID.in("c1", "c2"))));
        }
    }
}
