package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.ReportData.LiftRow;

/** The lift table's columns stay aligned when a cell is wider than its column's usual width. */
class LiftTableAlignmentTest {

    private static LiftRow row(String segment, double revenue, double margin, double costPerRetained) {
        return new LiftRow("winback", segment, 60, 1000, 250, 0.26, 0.20, 0.06, 0.01, 0.11, 0.03, 60.0, revenue,
                revenue - margin, revenue + margin, 500.0, costPerRetained, costPerRetained * 0.8, costPerRetained * 1.5,
                0.05, "delivered");
    }

    @Test
    void fiveFigureRevenueMarginsKeepTheCostColumnAligned() {
        String table = LiftText.render(List.of(row("ALL", -910, 42_728, 7.65), row("At Risk", 48, 14_060, 7.81),
                row("Lost", 9_384, 7_727, 7.86), row("Loyal", -21_465, 30_836, 23.91)), Comparator.naturalOrder());
        List<String> rows = table.lines().filter(l -> l.contains("%") || l.matches(".*\\$\\d+\\.\\d\\d$"))
                .filter(l -> l.endsWith("retained") || l.matches(".*\\$\\d+\\.\\d\\d$")).toList();
        assertEquals(5, rows.size(), table); // the header's last line and the four rows
        int end = rows.get(0).length();
        for (String line : rows) {
            assertEquals(end, line.length(), "every row ends in the cost column's last character:\n" + table);
        }
        // the revenue cells end in one column too
        List<Integer> revenueEnds = rows.subList(1, rows.size()).stream()
                .map(l -> l.lastIndexOf(" $") > 0 ? l.substring(0, l.lastIndexOf(" $")).stripTrailing().length() : -1)
                .toList();
        assertTrue(revenueEnds.stream().distinct().count() == 1, revenueEnds + "\n" + table);
    }
}
