package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.retentionsegments.warehouse.ContractFixtures.CURRENT_LINES;
import static org.retentionsegments.warehouse.ContractFixtures.EARLIER;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.config.SegmentContract;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.core.segment.ContractResult;

/** The data contracts of segments.yaml checked on known rows, on DuckDB and PostgreSQL. */
class ContractQueriesITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final List<SegmentContract> CONTRACTS =
            ConfigTexts.classicWithSegments(ContractFixtures.SEGMENTS_WITH_CONTRACTS).segments().contracts();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCurrentRefreshPassesAndFailsWithItsFigures(Engine engine) {
        try (Warehouse w = filled(engine)) {
            ContractQueries.Checked checked = ContractQueries.current(w, CONTRACTS);
            assertEquals(AS_OF, checked.asOf());
            assertEquals(CURRENT_LINES, lines(checked.results()));
            assertEquals(3, checked.failed());
            ContractResult newcomers = checked.results().get(5);
            assertEquals(3, newcomers.customers());
            assertEquals(2, newcomers.meeting());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKeptRefreshFromSegmentSnapshot(Engine engine) {
        try (Warehouse w = filled(engine)) {
            assertEquals(List.of(
                    "  PASS  Prospects: no customers, nothing to check (lifecycle prospect)",
                    "  FAIL  Champions: 1 customer, expected at least 1,000",
                    "  PASS  Champions: 100 % of 1 customers are recency 0-120 days (expected at least 60 %)",
                    "  PASS  Champions: 1 of 1 customers (100 %) are frequency 5+ and monetary 100-500 (expected all)",
                    "  PASS  Loyal: no customers, nothing to check (high_return_rate false)",
                    "  PASS  New: 100 % of 1 customers are lifecycle new (expected at least 90 %)"),
                    lines(ContractQueries.kept(w, EARLIER, CONTRACTS)));
            assertEquals(CURRENT_LINES, lines(ContractQueries.kept(w, AS_OF, CONTRACTS)),
                    "the current refresh is also kept");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyWarehouseHasNoRefreshToCheck(Engine engine) {
        try (Warehouse w = WAREHOUSES.open(engine)) {
            assertNull(ContractQueries.current(w, CONTRACTS));
        }
    }

    private static Warehouse filled(Engine engine) {
        Warehouse w = WAREHOUSES.open(engine);
        new WarehouseWriter(w).write(ContractFixtures.rows());
        return w;
    }

    private static List<String> lines(List<ContractResult> results) {
        return results.stream().map(r -> (r.passed() ? "  PASS  " : "  FAIL  ") + r.line()).toList();
    }
}
