package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.retentionsegments.core.cluster.BoxStats;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterSize;
import org.retentionsegments.core.cluster.Histogram;
import org.retentionsegments.core.cluster.Pca;
import org.retentionsegments.core.cluster.RfmPoint;
import org.retentionsegments.core.cluster.Silhouette;

/**
 * The diagnostic charts of a trained clustering as Apache ECharts options (plain maps and lists,
 * written as JSON by {@link ClusterPlots}): the elbow and the silhouette by k, R/F/M histograms raw
 * and on the log scale, a PCA scatter and the three pairwise log projections of a seeded sample,
 * box plots of R/F/M per cluster, and the cluster sizes. Each chart comes with a sentence telling a
 * marketer how to read it.
 */
final class ClusterCharts {

    /** One chart: its element id, title, how to read it, and its ECharts option. */
    record Chart(String id, String title, String reading, Map<String, Object> option) {}

    /** At most this many customers are drawn in a scatter plot. */
    static final int SAMPLE = 5_000;

    static final String[] FEATURE = {"recency", "frequency", "monetary"};
    static final String[] UNIT = {"Recency (days since the last order)", "Frequency (orders in the window)",
        "Monetary (net spend in the window)"};
    /** The scatter symbol of an outlier group, by its cluster number -1, -2, -3 (PAMPER, UPSELL, DELIGHT). */
    static final String[] OUTLIER_SYMBOL = {"diamond", "triangle", "rect"};

    private final ClusterModel model;
    private final List<RfmPoint> points;
    /** Each customer's cluster number, in the order of {@code points}. */
    private final int[] cluster;
    /** Series name per cluster number ("0 Reward", "-1 PAMPER"), clusters first, then the outlier groups. */
    private final Map<Integer, String> names = new LinkedHashMap<>();
    private final int[] sample;
    private final int sampledOutliers;

    ClusterCharts(ClusterModel model, List<RfmPoint> points) {
        this.model = model;
        this.points = points;
        this.cluster = new int[points.size()];
        TreeMap<Integer, String> found = new TreeMap<>();
        List<Integer> inliers = new ArrayList<>();
        List<Integer> outliers = new ArrayList<>();
        ClusterModel.Placer placer = model.placer();
        for (int i = 0; i < points.size(); i++) {
            ClusterModel.Assignment a = placer.assign(points.get(i));
            cluster[i] = a.cluster();
            found.put(a.cluster(), a.cluster() + " " + a.label());
            (a.cluster() >= 0 ? inliers : outliers).add(i);
        }
        names.putAll(found.tailMap(0, true));
        names.putAll(found.headMap(0, false).descendingMap());
        // every outlier is drawn (there are few, and they are the point), then a seeded sample of the others
        int[] out = Silhouette.sample(outliers.size(), SAMPLE, model.seed());
        int[] in = Silhouette.sample(inliers.size(), SAMPLE - out.length, model.seed() + 2);
        sampledOutliers = out.length;
        sample = IntStream.concat(Arrays.stream(out).map(outliers::get),
                Arrays.stream(in).map(inliers::get)).toArray();
    }

    /** How the scatter plots were sampled, in words. */
    String sampleText() {
        long clustered = Arrays.stream(cluster).filter(c -> c >= 0).count();
        return String.format("The scatter plots draw %,d customers: %s and a seeded random sample of %,d of the %,d"
                + " clustered (at most %,d points in all).", sample.length,
                sampledOutliers == points.size() - clustered ? String.format("all %,d outliers", sampledOutliers)
                        : String.format("a seeded sample of %,d of the %,d outliers", sampledOutliers,
                                points.size() - clustered),
                sample.length - sampledOutliers, clustered, SAMPLE);
    }

    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        charts.add(byK("elbow", "Elbow: inertia by k", "inertia",
                model.diagnostics().stream().map(ClusterModel.Diagnostic::inertia).toList(),
                "Inertia is how far customers sit from their cluster's centre; it always falls as k grows, and the"
                        + " k after which it stops falling steeply (the elbow) is a good number of clusters."));
        charts.add(byK("silhouette", "Mean silhouette by k", "mean silhouette",
                model.diagnostics().stream().map(ClusterModel.Diagnostic::silhouette).toList(),
                "The silhouette (from -1 to 1) is how much closer customers are to their own cluster than to the"
                        + " next one; higher is cleaner, and the marked k is the one used."));
        for (int f = 0; f < 3; f++) {
            charts.add(histogram(f, false));
            charts.add(histogram(f, true));
        }
        charts.add(pca());
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int[] pair : pairs) {
            charts.add(projection(pair[0], pair[1]));
        }
        for (int f = 0; f < 3; f++) {
            charts.add(boxes(f));
        }
        charts.add(sizes());
        return charts;
    }

    private Chart byK(String id, String title, String measure, List<Double> values, String reading) {
        List<String> ks = model.diagnostics().stream().map(d -> Integer.toString(d.k())).toList();
        Map<String, Object> series = new LinkedHashMap<>(Map.of("type", "line", "name", measure, "data", values));
        if (id.equals("silhouette")) {
            int chosen = ks.indexOf(Integer.toString(model.k()));
            if (chosen >= 0) {
                series.put("markPoint", Map.of("data", List.of(Map.of("name", "chosen",
                        "coord", List.of(ks.get(chosen), values.get(chosen)), "value", "k = " + model.k()))));
            }
        }
        return new Chart(id, title, reading, Map.of("tooltip", Map.of("trigger", "axis"), "grid", grid(),
                "xAxis", Map.of("type", "category", "name", "k", "data", ks),
                "yAxis", Map.of("type", "value", "name", measure, "scale", true), "series", List.of(series)));
    }

    private Chart histogram(int feature, boolean log) {
        double[] values = points.stream().mapToDouble(p -> log ? p.logFeatures()[feature] : raw(p)[feature]).toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // raw values: bins up to the 99th percentile and the last 1% in one bar, or the long tail of
        // spend would squeeze everybody into the first bar; the log scale needs no cut
        double upper = log ? sorted[sorted.length - 1] : BoxStats.quantile(sorted, 0.99);
        Histogram h = Histogram.of(values, upper, !log && feature < 2);
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < h.counts().length; i++) {
            labels.add(binLabel(h, i, !log && feature < 2));
            counts.add(h.counts()[i]);
        }
        if (h.above() > 0) {
            labels.add("above " + number(upper));
            counts.add(h.above());
        }
        String axis = log ? "log(1 + " + FEATURE[feature] + ")" : UNIT[feature];
        String reading = log
                ? "The same customers on the log scale the clustering uses: the long tail is pulled in, so groups"
                        + " of customers show as humps."
                : "How many customers have each " + FEATURE[feature] + "; tall bars are common values"
                        + (h.above() > 0 ? ", and the last bar gathers the top 1%." : ".");
        return new Chart("hist-" + FEATURE[feature] + (log ? "-log" : "-raw"), UNIT[feature].split(" ")[0]
                + (log ? ", log scale" : ", raw"), reading, Map.of("tooltip", Map.of("trigger", "axis"), "grid", grid(),
                "xAxis", Map.of("type", "category", "name", axis, "nameLocation", "middle", "nameGap", 30,
                        "data", labels),
                "yAxis", Map.of("type", "value", "name", "customers"),
                "series", List.of(Map.of("type", "bar", "name", "customers", "data", counts, "barCategoryGap", "5%"))));
    }

    private Chart pca() {
        List<double[]> clustered = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (cluster[i] >= 0) {
                clustered.add(model.scaler().apply(points.get(i).logFeatures()));
            }
        }
        Pca pca = Pca.fit(clustered, 2);
        return scatter("pca", "Customers on the two main directions (PCA)",
                "Each dot is a customer, placed by the two combinations of recency, frequency and spend that"
                        + " separate customers most; dots of one colour should sit together, and outlier groups"
                        + " (diamond, triangle, square) sit apart.",
                String.format("PC1 (%.0f%% of the variance)", 100 * pca.explained()[0]),
                String.format("PC2 (%.0f%% of the variance)", 100 * pca.explained()[1]),
                p -> pca.project(model.scaler().apply(p.logFeatures())));
    }

    private Chart projection(int x, int y) {
        return scatter("pair-" + FEATURE[x] + "-" + FEATURE[y], "log " + FEATURE[x] + " against log " + FEATURE[y],
                "The clusters seen from two of the three features at a time (log scale), to tell which feature"
                        + " separates them.",
                "log(1 + " + FEATURE[x] + ")", "log(1 + " + FEATURE[y] + ")",
                p -> new double[] {p.logFeatures()[x], p.logFeatures()[y]});
    }

    private Chart scatter(String id, String title, String reading, String xName, String yName,
            Function<RfmPoint, double[]> place) {
        Map<Integer, List<List<Double>>> data = new LinkedHashMap<>();
        names.keySet().forEach(c -> data.put(c, new ArrayList<>()));
        for (int i : sample) {
            double[] xy = place.apply(points.get(i));
            data.get(cluster[i]).add(List.of(round(xy[0]), round(xy[1])));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        data.forEach((c, xy) -> series.add(Map.of("type", "scatter", "name", names.get(c), "data", xy,
                "symbol", c >= 0 ? "circle" : OUTLIER_SYMBOL[Math.min(-c, OUTLIER_SYMBOL.length) - 1],
                "symbolSize", c >= 0 ? 4 : 10)));
        return new Chart(id, title, reading, Map.of("tooltip", Map.of(), "legend", legend(), "grid", grid(),
                "xAxis", Map.of("type", "value", "name", xName, "nameLocation", "middle", "nameGap", 30, "scale", true),
                "yAxis", Map.of("type", "value", "name", yName, "scale", true), "series", series));
    }

    private Chart boxes(int feature) {
        List<List<Double>> data = new ArrayList<>();
        for (int c : names.keySet()) {
            double[] values = IntStream.range(0, points.size()).filter(i -> cluster[i] == c)
                    .mapToDouble(i -> raw(points.get(i))[feature]).toArray();
            data.add(Arrays.stream(BoxStats.of(values).five()).mapToObj(ClusterCharts::round).toList());
        }
        return new Chart("box-" + FEATURE[feature], UNIT[feature].split(" ")[0] + " by cluster",
                "The box holds the middle half of a cluster's customers and the line in it is the median; the"
                        + " whiskers reach the furthest customers within 1.5 box heights of the box, and customers"
                        + " beyond them are not drawn.",
                Map.of("tooltip", Map.of(), "grid", grid(),
                        "xAxis", Map.of("type", "category", "data", List.copyOf(names.values())),
                        "yAxis", Map.of("type", "value", "name", UNIT[feature]),
                        "series", List.of(Map.of("type", "boxplot", "name", FEATURE[feature], "data", data))));
    }

    private Chart sizes() {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (ClusterModel.Cluster c : model.clusters()) {
            labels.add(c.number() + " " + c.label());
            counts.add(c.customers());
        }
        int number = -1;
        for (Map.Entry<String, Long> group : model.outliers().counts().entrySet()) {
            labels.add(number-- + " " + group.getKey());
            counts.add(group.getValue());
        }
        return new Chart("sizes", "Customers per cluster and outlier group",
                "How many customers each cluster and outlier group holds: a cluster's strategy reaches that many"
                        + " people.",
                Map.of("tooltip", Map.of("trigger", "axis"), "grid", grid(),
                        "xAxis", Map.of("type", "category", "data", labels, "axisLabel", Map.of("interval", 0,
                                "rotate", 30)),
                        "yAxis", Map.of("type", "value", "name", "customers"),
                        "series", List.of(Map.of("type", "bar", "name", "customers", "data", counts))));
    }

    /**
     * Customers per cluster and outlier group at each refresh, stacked (from {@code cluster_assignment}
     * of one model); null when the model placed customers at fewer than two refreshes, where there is
     * no change to show. Series: the clusters by number, then the outlier groups (-1, -2, -3); a
     * refresh where a group is empty counts 0.
     */
    static Chart sizesOverTime(String modelVersion, List<ClusterSize> sizes) {
        List<java.time.LocalDate> days = sizes.stream().map(ClusterSize::asOf).distinct().sorted().toList();
        if (days.size() < 2) {
            return null;
        }
        TreeMap<Integer, String> found = new TreeMap<>();
        sizes.forEach(s -> found.putIfAbsent(s.cluster(), s.cluster() + " " + s.label()));
        Map<Integer, String> names = new LinkedHashMap<>(found.tailMap(0, true));
        names.putAll(found.headMap(0, false).descendingMap());
        Map<Integer, long[]> counts = new LinkedHashMap<>();
        names.keySet().forEach(c -> counts.put(c, new long[days.size()]));
        for (ClusterSize s : sizes) {
            counts.get(s.cluster())[days.indexOf(s.asOf())] += s.customers();
        }
        List<Map<String, Object>> series = new ArrayList<>();
        counts.forEach((c, n) -> series.add(Map.of("type", "line", "name", names.get(c), "stack", "customers",
                "areaStyle", Map.of(), "showSymbol", days.size() <= 40, "emphasis", Map.of("focus", "series"),
                "data", Arrays.stream(n).boxed().toList())));
        return new Chart("sizes-over-time", "Customers per cluster over time",
                "How many customers each cluster and outlier group of model " + modelVersion + " held at each"
                        + " refresh, stacked: a band that widens is a cluster gaining customers, and the top edge"
                        + " is all the customers placed.",
                // more room at the top for the legend, and at the right for the last date under the edge
                Map.of("tooltip", Map.of("trigger", "axis"), "legend", legend(), "grid", Map.of("left", 10,
                                "right", 40, "top", 60, "bottom", 40, "containLabel", true),
                        "xAxis", Map.of("type", "category", "boundaryGap", false,
                                "data", days.stream().map(Object::toString).toList()),
                        "yAxis", Map.of("type", "value", "name", "customers"), "series", series));
    }

    private static double[] raw(RfmPoint p) {
        return new double[] {p.recencyDays(), p.frequency(), p.monetary()};
    }

    private static String binLabel(Histogram h, int i, boolean whole) {
        if (whole && h.width() == 1) {
            return number(h.edge(i));
        }
        boolean last = i == h.counts().length - 1;
        return number(h.edge(i)) + "–" + number(whole && !last ? h.edge(i + 1) - 1 : h.edge(i + 1));
    }

    /** A number for an axis label: whole above 100, else with up to 1 or 2 decimals. */
    static String number(double v) {
        String s = String.format(Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** Coordinates to 4 decimals: plenty for a chart, and a third of the bytes. */
    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static Map<String, Object> grid() {
        return Map.of("left", 10, "right", 20, "top", 50, "bottom", 40, "containLabel", true);
    }

    private static Map<String, Object> legend() {
        return Map.of("type", "scroll", "top", 0);
    }
}
