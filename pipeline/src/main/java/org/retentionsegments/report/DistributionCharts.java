package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.report.ClusterCharts.Chart;
import org.retentionsegments.warehouse.PictureQueries.ValueCount;

/**
 * The distributions of the raw values behind the R, F and M scores at one refresh, as step
 * histograms on a value axis, with the refresh's tier boundaries (score_boundary) drawn in as
 * dashed lines labelled with the two scores they separate ("R5|R4").
 *
 * <p>A score covers the values in {@code (lower, upper]} of its row. Days and orders are whole
 * numbers: their bars are centred on the value (the bar of 3 orders spans 2.5 to 3.5), so a
 * boundary {@code u} is drawn at {@code floor(u) + 0.5}, between the last value at or below it and
 * the next. Spend is continuous and drawn as it is. Orders and spend are drawn up to their 95th
 * percentile, the last bar holding the customers above it too, or the long tail would squeeze the
 * others into a few bars.
 */
final class DistributionCharts {

    /** About this many bars. */
    static final int BARS = 40;
    /** Orders and spend are drawn up to this quantile, the last bar holding the rest. */
    static final double TAIL = 0.95;

    private DistributionCharts() {}

    /** The chart of {@code dimension} (recency, frequency or monetary); null when no customer was scored on it. */
    static Chart of(String dimension, List<ValueCount> all, List<ScoreBoundary> boundaries, int windowDays) {
        List<ValueCount> values = all.stream().filter(v -> v.dimension().equals(dimension))
                .sorted(Comparator.comparingDouble(ValueCount::value)).toList();
        if (values.isEmpty()) {
            return null;
        }
        boolean whole = !dimension.equals("monetary");
        long total = values.stream().mapToLong(ValueCount::customers).sum();
        double min = values.get(0).value();
        double max = values.get(values.size() - 1).value();
        double upper = dimension.equals("recency") ? max : percentile(values, total, TAIL);
        double width = whole ? Math.max(1, Math.ceil((upper - min + 1) / BARS)) : nice((upper - min) / BARS);
        double start = whole ? min - 0.5 : Math.floor(min / width) * width;
        int bins = Math.max(1, (int) Math.ceil((upper + (whole ? 0.5 : 0) - start) / width));
        if (!whole && start + bins * width <= upper) {
            bins++;
        }
        long[] counts = new long[bins];
        long above = 0;
        for (ValueCount v : values) {
            int bin = (int) Math.floor((v.value() - start) / width);
            if (bin >= bins) {
                above += v.customers();
            }
            counts[Math.min(bins - 1, Math.max(0, bin))] += v.customers();
        }
        List<List<Double>> steps = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            steps.add(List.of(ChartParts.round(start + i * width), (double) counts[i]));
        }
        double end = ChartParts.round(start + bins * width);
        steps.add(List.of(end, (double) counts[bins - 1]));
        String letter = dimension.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        double first = start;
        List<Map<String, Object>> lines = boundaryLines(dimension, letter, boundaries, whole).stream()
                .filter(l -> (double) l.get("xAxis") >= first && (double) l.get("xAxis") <= end).toList();
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "line");
        series.put("name", "customers");
        series.put("step", "end");
        series.put("showSymbol", false);
        series.put("areaStyle", Map.of("opacity", 0.5));
        series.put("data", steps);
        series.put("markLine", Map.of("silent", true, "symbol", List.of("none", "none"),
                "lineStyle", Map.of("color", ChartParts.ACCENT, "type", "dashed", "width", 1.5),
                "label", Map.of("formatter", "{b}", "position", "insideEndTop", "fontSize", 10,
                        "color", ChartParts.ACCENT),
                "data", lines));
        String[] names = names(dimension, windowDays);
        Map<String, Object> o = ChartParts.option(names[0] + " with the " + letter + " tier boundaries", false, "axis");
        Map<String, Object> x = ChartParts.valueAxis(names[1], true);
        x.put("min", ChartParts.round(start));
        x.put("max", end);
        o.put("xAxis", x);
        o.put("yAxis", ChartParts.valueAxis("customers", false));
        o.put("series", List.of(series));
        String reading = "How many of the " + String.format("%,d", total) + " customers scored on " + dimension
                + " have each value; the dashed lines are this refresh's tier boundaries, labelled with the scores"
                + " either side." + (above > 0 ? String.format(" The last bar also holds the %,d customers above %s"
                        + " (the top 5 %%).", above, dimension.equals("monetary") ? Fmt.money(end) : (long) Math.floor(end) + " orders") : "");
        return new Chart("pic-dist-" + dimension, names[0], reading, o);
    }

    /**
     * The boundaries of {@code dimension} as markLine data: one line per distinct bound, labelled with
     * the scores whose values lie either side of it (a tier that ties left empty is skipped: "F1|F3").
     */
    static List<Map<String, Object>> boundaryLines(String dimension, String letter, List<ScoreBoundary> boundaries,
            boolean whole) {
        List<ScoreBoundary> rows = boundaries.stream().filter(b -> b.dimension().equals(dimension)).toList();
        List<Map<String, Object>> data = new ArrayList<>();
        rows.stream().map(ScoreBoundary::upperBound).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(u -> {
                    String below = rows.stream().filter(b -> u.equals(b.upperBound()) && !u.equals(b.lowerBound()))
                            .map(b -> letter + b.score()).findFirst().orElse("");
                    String above = rows.stream().filter(b -> u.equals(b.lowerBound()) && !u.equals(b.upperBound()))
                            .map(b -> letter + b.score()).findFirst().orElse("");
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("name", below + "|" + above);
                    line.put("xAxis", whole ? Math.floor(u) + 0.5 : ChartParts.round(u));
                    // lines close together: their labels alternate between the top and the middle
                    line.put("label", Map.of("position", data.size() % 2 == 0 ? "insideEndTop" : "insideMiddleTop"));
                    data.add(line);
                });
        return data;
    }

    private static String[] names(String dimension, int windowDays) {
        return switch (dimension) {
            case "recency" -> new String[] {"Recency", "days since the last order"};
            case "frequency" -> new String[] {"Frequency", "orders in the " + windowDays + "-day window"};
            default -> new String[] {"Monetary", "net spend in the " + windowDays + "-day window ($)"};
        };
    }

    private static double percentile(List<ValueCount> sorted, long total, double p) {
        long seen = 0;
        for (ValueCount v : sorted) {
            seen += v.customers();
            if (seen >= p * total) {
                return v.value();
            }
        }
        return sorted.get(sorted.size() - 1).value();
    }

    /** A bar width of 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double nice(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= raw) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
