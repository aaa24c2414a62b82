package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;
import static org.retentionsegments.warehouse.WarehouseFixtures.snapshot;
import static org.retentionsegments.warehouse.WarehouseFixtures.treatment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.WarehouseRow;

/**
 * The reads of the report's pictures ({@code warehouse-models/queries/report}) on known rows, on
 * DuckDB and PostgreSQL: sizes per kept refresh, the R x F grid and the raw values.
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
