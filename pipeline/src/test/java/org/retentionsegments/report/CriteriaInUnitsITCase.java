package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.boundary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseFixtures;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * The report's criteria in days, orders and money, from the score_boundary rows of the reported
 * refresh, and its lifecycle stages in days, from purchase_cycle.
 */
class CriteriaInUnitsITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final LocalDate AS_OF = LocalDate.parse("2024-03-01");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void criteriaReadInDaysOrdersAndMoneyAtTheRefreshesBoundaries(Engine engine) {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.add(WarehouseFixtures.snapshot("c1", AS_OF, "Champions", LifecycleStage.ACTIVE, 500));
        double[][] bounds = {{30, 90, 180, 365}, {1, 2, 4, 8}, {50, 100, 250, 600}};
        String[] dims = {"recency", "frequency", "monetary"};
        for (int d = 0; d < 3; d++) {
            for (int score = 1; score <= 5; score++) {
                Double lower = score == 1 ? null : bounds[d][score - 2];
                Double upper = score == 5 ? null : bounds[d][score - 1];
                if (d == 0) { // recency: score 5 has the fewest days
                    lower = score == 5 ? null : bounds[d][4 - score];
                    upper = score == 1 ? null : bounds[d][5 - score];
                }
                rows.add(boundary(AS_OF, dims[d], score, lower, upper));
            }
        }
        rows.add(new org.retentionsegments.core.PurchaseCycle(AS_OF, 42.5, true, 1234, 42.5, 85, 170));
        String text;
        try (Warehouse w = WAREHOUSES.open(engine)) {
            new WarehouseWriter(w).write(rows);
            Models.bundled().apply(w);
            text = StrategyReport.load(w, org.retentionsegments.core.fixtures.ConfigTexts.classic(), AS_OF).text().replaceAll("\n {12,}", " ");
        }
        assertTrue(text.contains("Criteria: R 4-5 (last order 0-90 days ago), F 4-5 (5+ orders in 365 days), M 4-5"
                + " (over $250.00 in 365 days)"), text);
        assertTrue(text.contains("Criteria: R 1-2 (last order 181+ days ago), F 4-5 (5+ orders in 365 days), M 4-5"
                + " (over $250.00 in 365 days)"), text);
        assertTrue(text.contains("Lifecycle:   purchase cycle 42.5 days (the median gap between orders of 1,234 repeat"
                + " customers); new = first order in the last 42.5 days; active = last order in the last 85 days;"
                + " lapsing = in the last 170 days; lapsed = longer ago; reactivated = active again after a gap of"
                + " more than 170 days\n"), text);
    }
}
