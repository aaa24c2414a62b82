package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.retentionsegments.report.ClusterCharts.Chart;
import org.retentionsegments.report.ReportData.Move;
import org.retentionsegments.warehouse.PictureQueries.RfCell;
import org.retentionsegments.warehouse.PictureQueries.Size;

/**
 * The report's pictures of the segments as ECharts options: their sizes at every kept refresh, the
 * movement between the two last kept refreshes as a from x to heat map, and the customers of each
 * R x F score cell with their average spend. Each builder returns null when there is nothing to
 * draw (the page says why instead).
 */
final class SegmentCharts {

    private SegmentCharts() {}

    /** Customers per segment at each kept refresh, one line each; null with fewer than two refreshes. */
    static Chart sizesOverTime(List<Size> sizes, Comparator<String> order) {
        List<LocalDate> days = sizes.stream().map(Size::asOf).distinct().sorted().toList();
        if (days.size() < 2) {
            return null;
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        sizes.stream().map(Size::segment).distinct().sorted(order).forEach(s -> counts.put(s, new long[days.size()]));
        sizes.forEach(s -> counts.get(s.segment())[days.indexOf(s.asOf())] += s.customers());
        List<Map<String, Object>> series = new ArrayList<>();
        counts.forEach((segment, n) -> series.add(Map.of("type", "line", "name", segment,
                "showSymbol", days.size() <= 24, "emphasis", Map.of("focus", "series"),
                "data", java.util.Arrays.stream(n).boxed().toList())));
        Map<String, Object> o = ChartParts.option("Segment sizes over time", true, "axis");
        o.put("xAxis", Map.of("type", "category", "name", "kept refresh (day)", "nameLocation", "middle",
                "nameGap", 26, "boundaryGap", false, "data", days.stream().map(LocalDate::toString).toList()));
        o.put("yAxis", ChartParts.valueAxis("customers", false));
        o.put("series", series);
        return new Chart("pic-sizes", "Segment sizes over time", "Customers in each segment at each of the "
                + days.size() + " kept refreshes from " + days.get(0) + " to " + days.get(days.size() - 1)
                + ": a rising line is a segment gaining customers.", o);
    }

    /**
     * Where the customers of each segment at the previous kept refresh are now: rows from, columns
     * to, each cell the share of its row in percent; null without moves (one kept refresh).
     */
    static Chart movement(List<Move> moves, Comparator<String> order, LocalDate from, LocalDate to) {
        if (moves.isEmpty()) {
            return null;
        }
        List<String> froms = moves.stream().map(Move::from).distinct()
                .sorted(Comparator.comparing((String s) -> !s.equals(MovementText.NEW)).thenComparing(order)).toList();
        List<String> tos = moves.stream().map(Move::to).distinct().sorted(order).toList();
        List<List<Object>> cells = new ArrayList<>();
        for (Move m : moves) {
            double percent = m.shareOfFrom() == null ? 0 : Math.round(1000 * m.shareOfFrom()) / 10.0;
            cells.add(List.of(tos.indexOf(m.to()), froms.indexOf(m.from()), percent, m.customers()));
        }
        Map<String, Object> o = ChartParts.option("Segment movement, " + from + " to " + to, false, "item");
        o.put("grid", ChartParts.grid(ChartParts.TOP, 64));
        Map<String, Object> x = ChartParts.categoryAxis("to segment (" + to + ")", tos, 90, 40);
        x.put("nameLocation", "middle");
        x.put("nameGap", 70);
        x.put("position", "bottom");
        Map<String, Object> y = ChartParts.categoryAxis("from segment (" + from + ")", froms, 100, 0);
        y.put("inverse", true);
        y.put("nameLocation", "start");
        o.put("xAxis", x);
        o.put("yAxis", y);
        o.put("visualMap", ChartParts.colourScale(100, 2, "0 % of from", "100 %"));
        o.put("series", List.of(Map.of("type", "heatmap", "name", "% of the from segment's customers",
                "data", cells, "label", ChartParts.cellLabel("{@[2]}"),
                "encode", Map.of("x", 0, "y", 1, "value", 2, "tooltip", List.of(2, 3)),
                "dimensions", List.of("to", "from", "% of from", "customers"))));
        return new Chart("pic-movement", "Segment movement", "Each row is a segment at " + from + "; its cells"
                + " give the percentage of its customers in each segment at " + to + " (a row adds up to 100),"
                + " the diagonal being those who stayed; (new) are customers first seen at " + to + ".", o);
    }

    /** Customers per R and F score with their average window spend; null without scored customers. */
    static Chart rfGrid(List<RfCell> cells, int windowDays) {
        if (cells.isEmpty()) {
            return null;
        }
        List<String> scores = Stream.of(1, 2, 3, 4, 5).map(String::valueOf).toList();
        List<List<Object>> data = new ArrayList<>();
        long max = 0;
        for (RfCell c : cells) {
            data.add(List.of(c.f() - 1, c.r() - 1, c.customers(),
                    c.avgMonetary() == null ? 0 : Math.round(c.avgMonetary())));
            max = Math.max(max, c.customers());
        }
        Map<String, Object> o = ChartParts.option("Customers and average spend by R and F score", false, "item");
        Map<String, Object> grid = new LinkedHashMap<>(ChartParts.grid(ChartParts.TOP, 64));
        grid.put("left", 30); // room for the R axis's name, beside its labels
        o.put("grid", grid);
        Map<String, Object> x = ChartParts.categoryAxis("F score (1 = fewest orders in " + windowDays + " days)",
                scores, 40, 0);
        x.put("nameLocation", "middle");
        x.put("nameGap", 24);
        Map<String, Object> y = ChartParts.categoryAxis("R score (5 = ordered most recently)", scores, 40, 0);
        y.put("nameLocation", "middle");
        y.put("nameGap", 24);
        o.put("xAxis", x);
        o.put("yAxis", y);
        o.put("visualMap", ChartParts.colourScale(max, 2, "0 customers", max + " customers"));
        o.put("series", List.of(Map.of("type", "heatmap", "name", "customers (average spend, $)", "data", data,
                "label", ChartParts.cellLabel("{@[2]}\n${@[3]}"),
                "dimensions", List.of("F score", "R score", "customers", "average spend ($)"),
                "encode", Map.of("x", 0, "y", 1, "value", 2, "tooltip", List.of(2, 3)))));
        return new Chart("pic-rf-grid", "R x F grid", "Each cell is one recency score (rows) and frequency score"
                + " (columns): its number of customers, darker for more, and under it their average net spend in"
                + " the " + windowDays + "-day window, in whole currency units.", o);
    }
}
