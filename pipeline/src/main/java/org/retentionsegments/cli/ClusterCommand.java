package org.retentionsegments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.retentionsegments.core.ClusterAssignment;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterTrainer;
import org.retentionsegments.core.cluster.RfmPoint;
import org.retentionsegments.report.ClusterPlots;
import org.retentionsegments.warehouse.ClusterStore;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cluster}: trains the K-Means clustering of seed 002 on a refresh's R/F/M. */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the model was trained and written to --out and the warehouse",
            ExitCodes.FAILED,
            ExitCodes.USAGE},
        description = {
            "Clusters the customers of a refresh by K-Means on log(1 + x) of recency, frequency and monetary,"
                    + " standardised, after separating the frequency and monetary outliers (PAMPER, UPSELL, DELIGHT);"
                    + " tries every k of the range with seeded K-Means++ restarts, keeps the k with the highest mean"
                    + " silhouette (or --k), and names the clusters Reward, Retain, Nurture and Re-Engage from their"
                    + " centroids.",
            "Writes the model to --out (JSON) and to the warehouse: cluster_model, cluster_diagnostics (inertia"
                    + " and silhouette per k), cluster_assignment (each customer's cluster) and the view cluster_profile;"
                    + " with --plots, a page of diagnostic charts."
        })
public final class ClusterCommand implements Callable<Integer> {

    @Mixin WarehouseOption warehouse;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Train on this refresh (one kept as a snapshot; default: the latest).")
    LocalDate asOf;

    static final class KChoice {
        @Option(names = "--k", paramLabel = "K", description = "Make exactly K clusters (at least 2).")
        Integer k;

        @Option(names = "--k-range", paramLabel = "FROM-TO",
                description = "Try every k from FROM to TO and keep the one with the highest silhouette"
                        + " (default: 2-10).")
        String range;
    }

    @ArgGroup(exclusive = true)
    KChoice k = new KChoice();

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "5",
            description = "K-Means++ runs per k with different seeds; the lowest inertia wins (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the restarts and of the silhouette sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--outlier-cutoff", paramLabel = "C", defaultValue = "3.5",
            description = "A customer whose log frequency or log monetary is above median + C x spread is an"
                    + " outlier (spread: 1.4826 x MAD, the modified z-score; default: ${DEFAULT-VALUE}).")
    double outlierCutoff;

    @Option(names = "--silhouette-sample", paramLabel = "N", defaultValue = "20000",
            description = "The silhouette is exact up to N customers and computed on a seeded sample of N above"
                    + " (default: ${DEFAULT-VALUE}).")
    int silhouetteSample;

    @Option(names = "--scan-sample", paramLabel = "N", defaultValue = "50000",
            description = "The k range is tried on all customers up to N and on a seeded sample of N above; the"
                    + " chosen k is then fitted on all of them (default: ${DEFAULT-VALUE}).")
    int scanSample;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "cluster-model.json",
            description = "Where to write the model file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also write DIR/clusters.html: the diagnostic charts (elbow, silhouette, R/F/M"
                    + " distributions, PCA and pairwise scatter plots, box plots, cluster sizes, and the sizes over"
                    + " time when runs in clusters mode placed customers with this model at several refreshes) on"
                    + " one page that opens offline.")
    Path plots;

    @Override
    public Integer call() throws IOException {
        ClusterTrainer.Settings settings = settings();
        PrintStream progress = System.err;
        try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
            LocalDate at = asOf != null ? asOf : ClusterStore.latestSnapshot(w);
            if (at == null) {
                throw new IllegalArgumentException("the warehouse " + w.url() + " has no refresh kept as a snapshot:"
                        + " run `./segments run` first");
            }
            if (!ClusterStore.hasSnapshot(w, at)) {
                throw new IllegalArgumentException("no refresh was kept as a snapshot on " + at + "; the latest are "
                        + ClusterStore.snapshots(w, 5) + " (pass one of them to --as-of)");
            }
            long t0 = System.nanoTime();
            List<RfmPoint> points = ClusterStore.customers(w, at);
            progress.printf("read %,d customers with an order from the snapshot of %s (%.1f s)%n", points.size(), at,
                    (System.nanoTime() - t0) / 1e9);
            ClusterModel model;
            try (Progress tried = Progress.start("k-means", Progress.Unit.of("k values"), 0, Progress.Mode.detect(false),
                    progress)) {
                model = ClusterTrainer.train(points, at, settings, line -> tried.note("  " + line),
                        (done, total) -> tried.set(done, total));
            }
            List<ClusterAssignment> assignments = new ArrayList<>(points.size());
            ClusterModel.Placer placer = model.placer();
            for (RfmPoint p : points) {
                ClusterModel.Assignment a = placer.assign(p);
                assignments.add(new ClusterAssignment(model.version(), at, p.customerId(), a.cluster(), a.label(),
                        a.distance()));
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, model.json(), StandardCharsets.UTF_8);
            long written = ClusterStore.save(w, model, assignments);
            Models.bundled().apply(w);
            System.out.print(summary(model));
            progress.printf("model %s: written to %s and to the warehouse (cluster_model, cluster_diagnostics,"
                    + " %,d rows of cluster_assignment; view cluster_profile) in %.1f s%n", model.version(), out,
                    written, (System.nanoTime() - t0) / 1e9);
            if (plots != null) {
                progress.printf("diagnostic charts written to %s%n", ClusterPlots.write(plots, model, points,
                        ClusterStore.sizes(w, model.version())));
            }
        }
        return 0;
    }

    ClusterTrainer.Settings settings() {
        int from = 2;
        int to = 10;
        boolean given = false;
        if (k.k != null) {
            from = k.k;
            to = k.k;
            given = true;
        } else if (k.range != null) {
            String[] parts = k.range.strip().split("-");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                from = Integer.parseInt(parts[0].strip());
                to = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--k-range takes FROM-TO, e.g. 2-10, not '" + k.range + "'");
            }
        }
        return new ClusterTrainer.Settings(from, to, given, restarts, seed, outlierCutoff, silhouetteSample, scanSample);
    }

    /** The model in words: how k was chosen, the diagnostics, and each cluster with its centre in days, orders and money. */
    static String summary(ClusterModel model) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("CLUSTERS of %,d customers as of %s (model %s)%n", model.inputRows(), model.asOf(),
                model.version()));
        s.append(String.format("k = %d, %s%n", model.k(), model.chosenBy()));
        s.append(String.format("%4s  %14s  %12s%n", "k", "inertia", "silhouette"));
        for (ClusterModel.Diagnostic d : model.diagnostics()) {
            s.append(String.format("%4d  %14.1f  %12.4f%s%n", d.k(), d.inertia(), d.silhouette(),
                    d.k() == model.k() ? "  <- chosen" : ""));
        }
        s.append(String.format("%n%7s  %-10s  %10s  %7s  %14s  %12s  %12s%n", "cluster", "label", "customers", "share",
                "recency (days)", "frequency", "monetary"));
        for (ClusterModel.Cluster c : model.clusters()) {
            s.append(String.format("%7d  %-10s  %,10d  %6.1f%%  %14.0f  %12.1f  %12.2f%n", c.number(), c.label(),
                    c.customers(), 100.0 * c.customers() / model.inputRows(), c.centroidRaw()[0], c.centroidRaw()[1],
                    c.centroidRaw()[2]));
        }
        ClusterModel.Outliers o = model.outliers();
        int number = -1;
        for (var e : o.counts().entrySet()) {
            s.append(String.format("%7d  %-10s  %,10d  %6.1f%%%n", number--, e.getKey(), e.getValue(),
                    100.0 * e.getValue() / model.inputRows()));
        }
        s.append(String.format("outliers: frequency above %.1f orders, monetary above %.2f (median + %.1f x %s on the"
                + " log scale); cluster centres are in the features' units, from the log scale%n",
                o.frequency().rawThreshold(), o.monetary().rawThreshold(), o.c(), o.frequency().spreadKind()
                        + "/" + o.monetary().spreadKind()));
        return s.toString();
    }
}
