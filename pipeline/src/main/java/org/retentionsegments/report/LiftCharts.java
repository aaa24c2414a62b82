package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.retentionsegments.report.ClusterCharts.Chart;
import org.retentionsegments.report.ReportData.LiftRow;

/**
 * The holdout's pictures as forest plots: one row per program and segment (the program's 'ALL'
 * row first, as a diamond), the point estimate as a dot and its 95 % interval as a horizontal
 * error bar (a {@code lines} series on the grid), with a dashed line at zero, no effect. One plot of
 * the lift in percentage points (holdout_lift's interval), one of the incremental revenue in money
 * (holdout_lift's Welch interval, where it is defined).
 */
final class LiftCharts {

    /** A row of a forest plot: its label, estimate and interval (null ends: no interval). */
    record Row(String label, boolean all, double estimate, Double low, Double high) {}

    private LiftCharts() {}

    /** The lift of every row with one, in percentage points; null when none has. */
    static Chart lift(List<LiftRow> ordered) {
        List<Row> rows = rows(ordered, r -> r.lift() == null ? null : new double[] {100 * r.lift(),
            r.ciLow() == null ? Double.NaN : 100 * r.ciLow(), r.ciHigh() == null ? Double.NaN : 100 * r.ciHigh()});
        if (rows.isEmpty()) {
            return null;
        }
        return new Chart("pic-lift", "Holdout lift per segment", "Each row is a program's segment at treatment"
                + " (ALL, the diamond: the program, weighed by segment): the dot is the lift, treated minus holdout"
                + " retention in percentage points, the bar its 95 % interval. A bar that crosses the dashed zero"
                + " line is an effect the holdout cannot tell from none.",
                forest("Holdout lift per segment, 95 % interval", "lift, percentage points", rows));
    }

    /**
     * The incremental revenue of every row with one, with its interval (incremental_revenue_ci_low/high;
     * null: the dot alone); null when no row has one.
     */
    static Chart incrementalRevenue(List<LiftRow> ordered) {
        List<Row> rows = rows(ordered, r -> r.incrementalRevenue() == null ? null : new double[] {r.incrementalRevenue(),
            r.revenueCiLow() == null ? Double.NaN : r.revenueCiLow(),
            r.revenueCiHigh() == null ? Double.NaN : r.revenueCiHigh()});
        if (rows.isEmpty()) {
            return null;
        }
        boolean missing = rows.stream().anyMatch(r -> r.low() == null);
        return new Chart("pic-revenue", "Incremental revenue", "The revenue each program's treated customers"
                + " brought over their horizon beyond what the holdout's rate per customer predicts (the dot), with"
                + " a 95 % interval from the arms' revenue per customer (Welch's standard error, a normal"
                + " approximation: rough for small arms, as revenue is mostly zeros)."
                + (missing ? " A dot without a bar has an arm of fewer than 2 customers: no interval." : ""),
                forest("Incremental revenue, 95 % interval", "incremental revenue over the horizon ($)", rows));
    }

    private static List<Row> rows(List<LiftRow> ordered, Function<LiftRow, double[]> value) {
        long programs = ordered.stream().map(LiftRow::program).distinct().count();
        List<Row> rows = new ArrayList<>();
        for (LiftRow r : ordered) {
            double[] v = value.apply(r);
            if (v == null || Double.isNaN(v[0])) {
                continue;
            }
            boolean interval = !Double.isNaN(v[1]) && !Double.isNaN(v[2]);
            rows.add(new Row(programs > 1 ? r.program() + " · " + r.segment() : r.segment(), r.all(), v[0],
                    interval ? v[1] : null, interval ? v[2] : null));
        }
        return rows;
    }

    /** The forest plot's option: rows top to bottom, dots, error bars and the zero line. */
    static Map<String, Object> forest(String title, String axis, List<Row> rows) {
        List<Object> dots = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Map<String, Object> dot = new LinkedHashMap<>();
            dot.put("value", List.of(ChartParts.round(r.estimate()), i));
            if (r.all()) {
                dot.put("symbol", "diamond");
                dot.put("symbolSize", 14);
            }
            dots.add(dot);
            if (r.low() != null) {
                bars.add(Map.of("coords", List.of(List.of(ChartParts.round(r.low()), i),
                        List.of(ChartParts.round(r.high()), i))));
            }
        }
        Map<String, Object> o = ChartParts.option(title, true, "item");
        o.put("grid", ChartParts.grid(ChartParts.TOP_WITH_LEGEND, 34));
        // the axis spans the intervals, zero included (ECharts would fit it to the dots alone)
        double low = rows.stream().mapToDouble(r -> Math.min(r.estimate(), r.low() == null ? 0 : r.low())).min()
                .orElse(0);
        double high = rows.stream().mapToDouble(r -> Math.max(r.estimate(), r.high() == null ? 0 : r.high())).max()
                .orElse(0);
        double step = DistributionCharts.nice((Math.max(high, 0) - Math.min(low, 0)) / 6);
        Map<String, Object> x = ChartParts.valueAxis(axis, true);
        x.put("min", ChartParts.round(Math.floor(Math.min(low, 0) / step) * step));
        x.put("max", ChartParts.round(Math.ceil(Math.max(high, 0) / step) * step));
        o.put("xAxis", x);
        Map<String, Object> y = ChartParts.categoryAxis("", rows.stream().map(Row::label).toList(), 130, 0);
        y.put("inverse", true);
        y.put("axisLine", Map.of("onZero", false)); // at the left edge, not on the line of no effect
        y.put("axisTick", Map.of("show", false));
        o.put("yAxis", y);
        o.put("series", List.of(
                Map.of("type", "lines", "name", "95 % interval", "coordinateSystem", "cartesian2d", "data", bars,
                        "lineStyle", Map.of("width", 2, "color", "#555", "opacity", 1), "z", 1),
                Map.of("type", "scatter", "name", "estimate", "data", dots, "symbolSize", 9, "z", 2,
                        "itemStyle", Map.of("color", "#2b6cb0"),
                        "markLine", Map.of("silent", true, "symbol", List.of("none", "none"),
                                "lineStyle", Map.of("color", ChartParts.ACCENT, "type", "dashed"),
                                "label", Map.of("formatter", "{b}", "color", ChartParts.ACCENT, "fontSize", 10,
                                        "position", "start"),
                                "data", List.of(Map.of("name", "no effect", "xAxis", 0))))));
        return o;
    }
}
