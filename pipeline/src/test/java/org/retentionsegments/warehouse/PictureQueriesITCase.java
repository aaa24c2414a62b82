package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;
import static org.retentionsegments.warehouse.WarehouseFixtures.snapshot;
import static org.retentionsegments.warehouse.WarehouseFixtures.treatment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.WarehouseRow;

/**
 * The reads of the report's pictures ({@code warehouse-models/queries/report}) on known rows, on
 * DuckDB and PostgreSQL: sizes per kept refresh, the R x F grid, the raw values, and the
 * incremental revenue's interval computed by hand.
 */
class PictureQueriesITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    static final LocalDate EARLIER = AS_OF.minusMonths(1);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sizesGridAndValuesOfKnownSnapshots(Engine engine) {
        try (Warehouse w = filled(engine)) {
            PictureQueries q = new PictureQueries(w);
            assertEquals(List.of(new PictureQueries.Size(EARLIER, "Loyal", 1), new PictureQueries.Size(AS_OF, "Lost", 1),
                    new PictureQueries.Size(AS_OF, "Loyal", 2)), q.sizes(AS_OF));
            assertEquals(1, q.sizes(EARLIER).size(), "only the refreshes up to the one reported");
            // snapshot(): R 3, F 2, recency 40 days, 2 orders
            PictureQueries.RfCell cell = q.rfGrid(AS_OF).get(0);
            assertEquals(List.of(3, 2, 3L), List.of(cell.r(), cell.f(), cell.customers()));
            assertEquals(200.1667, Math.round(cell.avgMonetary() * 10_000) / 10_000.0, "(100 + 200.5 + 300) / 3");
            assertEquals(1, q.rfGrid(AS_OF).size());
            assertEquals(List.of(new PictureQueries.ValueCount("frequency", 2, 3),
                    new PictureQueries.ValueCount("monetary", 100, 1), new PictureQueries.ValueCount("monetary", 201, 1),
                    new PictureQueries.ValueCount("monetary", 300, 1), new PictureQueries.ValueCount("recency", 40, 3)),
                    q.scoreValues(AS_OF), "spend rounded to whole units");
        }
    }

    /**
     * winback: 100 treated, 30 of whom spend 50 in the horizon (mean 15, sample variance 52500/99),
     * 100 held out, 20 of whom spend 40 (mean 8, 25600/99; the holdout's order after the horizon does
     * not count): incremental revenue 100 (15 - 8) = 700 with the standard error
     * 100 sqrt((52500/99 + 25600/99) / 100) = 280.87, margin 1.959964 x 280.87 = 550.498. Its only
     * stratum (At Risk, the treatments' segment) makes 'ALL' the same. tiny has no holdout: no interval.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theIncrementalRevenueIntervalIsWelchsOnTheArmsRevenue(Engine engine) {
        try (Warehouse w = filled(engine)) {
            Map<String, Double> margins = new PictureQueries(w).revenueMargins().stream()
                    .filter(m -> m.margin() != null)
                    .collect(Collectors.toMap(m -> m.program() + "/" + m.segment(), PictureQueries.RevenueMargin::margin));
            assertEquals(Map.of("winback/At Risk", 550.4983, "winback/ALL", 550.4983), round(margins));
            assertNull(new PictureQueries(w).revenueMargins().stream().filter(m -> m.program().equals("tiny")
                    && m.segment().equals("ALL")).findFirst().orElseThrow().margin());
        }
    }

    private static Map<String, Double> round(Map<String, Double> margins) {
        return margins.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Math.round(e.getValue() * 10_000) / 10_000.0));
    }

    private static Warehouse filled(Engine engine) {
        Warehouse w = WAREHOUSES.open(engine);
        List<WarehouseRow> rows = new ArrayList<>(WarehouseFixtures.thirtyOfHundredAgainstTwentyOfHundred());
        rows.add(snapshot("c1", EARLIER, "Loyal", LifecycleStage.ACTIVE, 90));
        rows.add(snapshot("c1", AS_OF, "Loyal", LifecycleStage.ACTIVE, 100));
        rows.add(snapshot("c2", AS_OF, "Loyal", LifecycleStage.ACTIVE, 200.5));
        rows.add(snapshot("c3", AS_OF, "Lost", LifecycleStage.LAPSED, 300));
        rows.add(treatment("tiny", "c1", T0, Arm.TREATMENT, null));
        new WarehouseWriter(w).write(rows);
        Models.bundled().apply(w);
        return w;
    }
}
