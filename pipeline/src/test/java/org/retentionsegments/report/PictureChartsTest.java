package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.report.ClusterCharts.Chart;
import org.retentionsegments.report.ReportData.LiftRow;
import org.retentionsegments.report.ReportData.Move;
import org.retentionsegments.warehouse.PictureQueries.RfCell;
import org.retentionsegments.warehouse.PictureQueries.Size;
import org.retentionsegments.warehouse.PictureQueries.ValueCount;

/**
 * The option builders of the report's pictures, on literal rows: the numbers they draw, the tier
 * boundaries as markLines between whole values, the intervals as error bars, the axes' names with
 * their units, and null (a note on the page) where there is nothing to draw.
 */
class PictureChartsTest {

    static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    static final LocalDate FEB = LocalDate.of(2025, 2, 1);
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(Chart chart) throws Exception {
        return JSON.readTree(ClusterPlots.json(chart.option()));
    }

    @Test
    void sizesOverTimeDrawOneLinePerSegmentWithZeroWhereASegmentWasEmpty() throws Exception {
        List<Size> sizes = List.of(new Size(JAN, "Loyal", 10), new Size(JAN, "Lost", 4), new Size(FEB, "Loyal", 12));
        JsonNode o = json(SegmentCharts.sizesOverTime(sizes, Comparator.naturalOrder()));
        assertEquals("[\"2025-01-01\",\"2025-02-01\"]", o.at("/xAxis/data").toString());
        assertEquals("kept refresh (day)", o.at("/xAxis/name").asText());
        assertEquals("customers", o.at("/yAxis/name").asText());
        assertEquals("Lost", o.at("/series/0/name").asText());
        assertEquals("[4,0]", o.at("/series/0/data").toString());
        assertEquals("[10,12]", o.at("/series/1/data").toString());
        assertTrue(o.has("legend") && o.at("/title/text").asText().contains("over time"));
        assertNull(SegmentCharts.sizesOverTime(List.of(new Size(JAN, "Loyal", 10)), Comparator.naturalOrder()),
                "one refresh: nothing to draw");
    }

    @Test
    void movementCellsArePercentagesOfTheFromSegmentWithNewFirst() throws Exception {
        List<Move> moves = List.of(new Move("Loyal", "Loyal", 6, 0.75), new Move("Loyal", "Lost", 2, 0.25),
                new Move(MovementText.NEW, "Loyal", 3, 1.0));
        JsonNode o = json(SegmentCharts.movement(moves, Comparator.naturalOrder(), JAN, FEB));
        assertEquals("[\"(new)\",\"Loyal\"]", o.at("/yAxis/data").toString());
        assertEquals("[\"Lost\",\"Loyal\"]", o.at("/xAxis/data").toString());
        assertEquals("[[1,1,75.0,6],[0,1,25.0,2],[1,0,100.0,3]]", o.at("/series/0/data").toString());
        assertEquals("to segment (2025-02-01)", o.at("/xAxis/name").asText());
        assertEquals(100, o.at("/visualMap/max").asInt());
        assertNull(SegmentCharts.movement(List.of(), Comparator.naturalOrder(), JAN, FEB));
    }

    @Test
    void theRfGridHoldsCustomersAndAverageSpendPerCell() throws Exception {
        JsonNode o = json(SegmentCharts.rfGrid(List.of(new RfCell(5, 1, 40, 120.4), new RfCell(1, 5, 2, 999.6)), 365));
        assertEquals("[[0,4,40,120],[4,0,2,1000]]", o.at("/series/0/data").toString());
        assertEquals(40, o.at("/visualMap/max").asInt());
        assertEquals("{@[2]}\n${@[3]}", o.at("/series/0/label/formatter").asText());
        assertTrue(o.at("/xAxis/name").asText().startsWith("F score"), o.toString());
        assertTrue(o.at("/yAxis/name").asText().startsWith("R score"), o.toString());
        assertNull(SegmentCharts.rfGrid(List.of(), 365));
    }

    @Test
    void frequencyBarsAreCentredOnWholeOrdersAndTheBoundariesFallBetweenThem() throws Exception {
        List<ValueCount> values = List.of(new ValueCount("frequency", 1, 40), new ValueCount("frequency", 2, 30),
                new ValueCount("frequency", 3, 15), new ValueCount("frequency", 6, 15));
        // scores 1-2 tie on one order; 3: 2 orders; 4: 3-5; 5: 6+ (a value on a boundary belongs below it)
        List<ScoreBoundary> boundaries = List.of(boundary("frequency", 1, null, 1.0), boundary("frequency", 2, 1.0, 1.0),
                boundary("frequency", 3, 1.0, 2.0), boundary("frequency", 4, 2.0, 5.0),
                boundary("frequency", 5, 5.0, null), boundary("monetary", 1, null, 9.0));
        JsonNode o = json(DistributionCharts.of("frequency", values, boundaries, 365));
        assertEquals("[[0.5,40.0],[1.5,30.0],[2.5,15.0],[3.5,0.0],[4.5,0.0],[5.5,15.0],[6.5,15.0]]",
                o.at("/series/0/data").toString(), "a step per whole order, the last step closed");
        assertEquals("end", o.at("/series/0/step").asText());
        assertEquals("[F1|F3 at 1.5, F3|F4 at 2.5, F4|F5 at 5.5]", lines(o).toString(),
                "one line per distinct boundary, labelled with the scores either side (F2, empty, skipped)");
        assertEquals("orders in the 365-day window", o.at("/xAxis/name").asText());
        assertEquals("customers", o.at("/yAxis/name").asText());
        assertNull(DistributionCharts.of("recency", values, boundaries, 365), "no recency values: no chart");
    }

    @Test
    void spendBarsStopAtThe99thPercentileAndTheLastHoldsTheTail() throws Exception {
        List<ValueCount> values = new java.util.ArrayList<>();
        for (int v = 0; v < 100; v++) {
            values.add(new ValueCount("monetary", v, 1));
        }
        values.add(new ValueCount("monetary", 100_000, 1));
        Chart chart = DistributionCharts.of("monetary", values, List.of(boundary("monetary", 4, 20.0, 50.25),
                boundary("monetary", 5, 50.25, null)), 365);
        JsonNode o = json(chart);
        JsonNode steps = o.at("/series/0/data");
        assertEquals(0.0, steps.get(0).get(0).asDouble());
        assertTrue(steps.get(steps.size() - 1).get(0).asDouble() <= 102, steps.toString());
        long drawn = 0;
        for (int i = 0; i < steps.size() - 1; i++) {
            drawn += steps.get(i).get(1).asLong();
        }
        assertEquals(101, drawn, "every customer is in a bar");
        assertEquals("[M4|M5 at 50.25]", lines(o).toString());
        assertTrue(chart.reading().contains("The last bar also holds the 1 customers above"), chart.reading());
        assertEquals("net spend in the 365-day window ($)", o.at("/xAxis/name").asText());
    }

    @Test
    void theForestPlotsDrawEstimatesWithTheirIntervalsAsErrorBars() throws Exception {
        List<LiftRow> rows = List.of(lift("winback", "ALL", 0.07, 0.02, 0.12, 700.0),
                lift("winback", "Lost", 0.10, -0.01, 0.21, 400.0), lift("winback", "Hibernating", null, null, null, null));
        JsonNode o = json(LiftCharts.lift(rows));
        assertEquals("[\"ALL\",\"Lost\"]", o.at("/yAxis/data").toString(), "rows without a lift are left out");
        assertTrue(o.at("/yAxis/inverse").asBoolean());
        assertEquals("lift, percentage points", o.at("/xAxis/name").asText());
        assertEquals(-5.0, o.at("/xAxis/min").asDouble(), "the axis spans every interval, at round numbers");
        assertEquals(25.0, o.at("/xAxis/max").asDouble());
        assertEquals("lines", o.at("/series/0/type").asText());
        assertEquals("[{\"coords\":[[2.0,0],[12.0,0]]},{\"coords\":[[-1.0,1],[21.0,1]]}]",
                o.at("/series/0/data").toString());
        assertEquals("[7.0,0]", o.at("/series/1/data/0/value").toString());
        assertEquals("diamond", o.at("/series/1/data/0/symbol").asText(), "the program's ALL row");
        assertEquals(0, o.at("/series/1/markLine/data/0/xAxis").asInt(), "the line of no effect");

        List<LiftRow> withInterval = List.of(lift("winback", "ALL", 0.07, 0.02, 0.12, 700.0, 450.0, 950.0), rows.get(1),
                rows.get(2));
        JsonNode revenue = json(LiftCharts.incrementalRevenue(withInterval));
        assertEquals("[{\"coords\":[[450.0,0],[950.0,0]]}]", revenue.at("/series/0/data").toString(),
                "an interval where the row has one, a dot alone where not");
        assertEquals("[400.0,1]", revenue.at("/series/1/data/1/value").toString());
        assertEquals("incremental revenue over the horizon ($)", revenue.at("/xAxis/name").asText());
        assertNull(LiftCharts.lift(List.of()));
        assertNull(LiftCharts.incrementalRevenue(List.of()));
    }

    /** The markLines of a distribution: label at x. */
    static List<String> lines(JsonNode o) {
        List<String> lines = new java.util.ArrayList<>();
        o.at("/series/0/markLine/data").forEach(l -> lines.add(l.get("name").asText() + " at " + l.get("xAxis").asDouble()));
        return lines;
    }

    static ScoreBoundary boundary(String dimension, int score, Double lower, Double upper) {
        return new ScoreBoundary(FEB, dimension, "quantile", score, lower, upper, 1);
    }

    static LiftRow lift(String program, String segment, Double lift, Double low, Double high, Double revenue) {
        return lift(program, segment, lift, low, high, revenue, null, null);
    }

    static LiftRow lift(String program, String segment, Double lift, Double low, Double high, Double revenue,
            Double revenueLow, Double revenueHigh) {
        return new LiftRow(program, segment, 60, 100, 100, 0.3, 0.2, lift, low, high, 0.1, 7.0, revenue, revenueLow,
                revenueHigh, 140.0, 20.0, null, null, null, "delivered");
    }
}
