package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterSize;
import org.retentionsegments.core.cluster.RfmPoint;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.PipelineConfig;
import org.retentionsegments.warehouse.ClusterStore;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The "Clusters" section of the HTML report: the diagnostic charts of {@link ClusterCharts} for
 * one cluster model, and its customers per cluster over the refreshes it placed them at.
 *
 * <p>The model: with {@code segmentation: clusters}, the configuration's (the one the report's
 * segments come from); otherwise the one trained last into the warehouse ({@code cluster_model}
 * by training time). The customers drawn are those of the refresh the model was trained on when
 * that snapshot is in the warehouse, else those of the reported refresh, read as
 * {@code ./segments cluster} reads them.
 *
 * @param fromConfig whether the model is the configuration's (else the warehouse's latest)
 * @param pointsAsOf the refresh whose customers are drawn
 */
record ClusterSection(ClusterModel model, boolean fromConfig, LocalDate pointsAsOf, List<RfmPoint> points,
        List<ClusterSize> sizes) {

    /** The section for the report of the refresh {@code day}; null when there is no cluster model. */
    static ClusterSection load(Warehouse w, ConfigBundle config, LocalDate day) {
        boolean fromConfig = config.pipeline().segmentation() == PipelineConfig.Segmentation.CLUSTERS
                && config.clusterModel() != null;
        ClusterModel model = fromConfig ? config.clusterModel() : ClusterStore.latestModel(w);
        if (model == null) {
            return null;
        }
        LocalDate trainedOn = LocalDate.parse(model.asOf());
        LocalDate at = ClusterStore.hasSnapshot(w, trainedOn) ? trainedOn : day;
        return new ClusterSection(model, fromConfig, at, ClusterStore.customers(w, at),
                ClusterStore.sizes(w, model.version()));
    }

    /** The charts, in page order: the diagnostics (when there are customers to draw), then the sizes over time. */
    List<ClusterCharts.Chart> charts() {
        return charts(diagnostics());
    }

    private ClusterCharts diagnostics() {
        return points.isEmpty() ? null : new ClusterCharts(model, points);
    }

    private List<ClusterCharts.Chart> charts(ClusterCharts diagnostics) {
        List<ClusterCharts.Chart> charts = new ArrayList<>();
        if (diagnostics != null) {
            charts.addAll(diagnostics.charts());
        }
        ClusterCharts.Chart overTime = ClusterCharts.sizesOverTime(model.version(), sizes);
        if (overTime != null) {
            charts.add(overTime);
        }
        return charts;
    }

    /** Appends the section and returns its charts, whose options and script the page appends once, at its end. */
    List<ClusterCharts.Chart> html(StringBuilder h) {
        ClusterCharts diagnostics = diagnostics();
        h.append("<h2 id=\"clusters\">Clusters</h2>\n").append(Html.el("p", intro(diagnostics))).append('\n');
        List<ClusterCharts.Chart> charts = charts(diagnostics);
        ClusterPlots.sections(h, charts, "h3");
        return charts;
    }

    private String intro(ClusterCharts diagnostics) {
        StringBuilder s = new StringBuilder(String.format("Cluster model %s (%s): k = %d, %s, trained on the %,d"
                        + " customers of the refresh of %s.", model.version(),
                fromConfig ? "the model of this configuration, segmentation: clusters"
                        : "the model trained last into this warehouse by ./segments cluster",
                model.k(), model.chosenBy(), model.inputRows(), model.asOf()));
        if (diagnostics == null) {
            s.append(" The refresh of ").append(pointsAsOf).append(" has no customer with an order to draw.");
        } else {
            s.append(String.format(" The elbow, the silhouette and the cluster sizes are the training's; the"
                    + " distributions, scatter and box plots draw the %,d customers with an order at the refresh of"
                    + " %s, placed by the model. %s", points.size(), pointsAsOf,
                    diagnostics.sampleText()));
        }
        long refreshes = sizes.stream().map(ClusterSize::asOf).distinct().count();
        if (refreshes < 2) {
            s.append(" The sizes over time show once the model has placed customers at two refreshes or more"
                    + " (runs in clusters mode do at every kept refresh).");
        }
        return s.toString();
    }
}
