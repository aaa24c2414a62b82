package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.WarehouseRow;

/** What the live demo's progress line reads of a continuous job's warehouse, on DuckDB and PostgreSQL. */
class LiveWarehouseITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLastRefreshIsThatOfTheSegmentsNotOfBoundariesAlreadyMergedForLaterDays(Engine engine) {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            assertNull(LiveWarehouse.progress(w).lastRefresh(), "nothing written yet");
            List<WarehouseRow> rows = new ArrayList<>(ContractFixtures.rows());
            // the boundary merge runs ahead of the refresh while a quiet topic holds the refresh's
            // time (treatments that stopped months before the other topics)
            rows.add(new ScoreBoundary(AS_OF.plusDays(90), "monetary", "quantile", 1, null, 10.0, 3));
            new WarehouseWriter(w).write(rows);

            assertEquals(AS_OF, LiveWarehouse.progress(w).lastRefresh(),
                    "the newest as_of of customer_segment, not of score_boundary");
        }
    }
}
