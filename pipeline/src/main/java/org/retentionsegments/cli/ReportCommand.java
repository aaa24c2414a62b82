package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.report.StrategyReport;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: the SEGMENTATION STRATEGY report from the warehouse. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the SEGMENTATION STRATEGY report: every segment's size, share of customers and",
            "revenue, criteria, profile, strategy and KPIs, then the holdout lift of each program."
        })
public final class ReportCommand implements Callable<Integer> {

    @Mixin WarehouseOption warehouse;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Folder with segments.yaml and strategies.yaml (default: built-in).")
    Path config;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Report this refresh (default: the latest).")
    LocalDate asOf;

    @Override
    public Integer call() {
        print(warehouse.url, config, asOf, System.out);
        return 0;
    }

    static void print(String url, Path config, LocalDate asOf, PrintStream out) {
        ConfigBundle bundle = config == null ? ConfigBundle.loadDefault() : ConfigBundle.load(config);
        try (Warehouse w = Warehouse.open(url)) {
            out.print(StrategyReport.load(w, bundle, asOf).text());
        }
    }
}
