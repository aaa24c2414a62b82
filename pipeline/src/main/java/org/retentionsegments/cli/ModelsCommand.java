package org.retentionsegments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.retentionsegments.warehouse.ModelTestResult;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code models}: (re)applies and tests the analysts' warehouse views. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:the help was printed", ExitCodes.FAILED, ExitCodes.USAGE},
        description = "Applies or tests the warehouse models (views in warehouse-models/models).",
        subcommands = {ModelsCommand.Apply.class, ModelsCommand.Test.class})
public final class ModelsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the model files come from. */
    static final class Source {
        @Option(names = "--models", paramLabel = "DIR",
                description = "A warehouse-models folder to read instead of the one built into the jar "
                        + "(e.g. ./warehouse-models while editing).")
        Path dir;

        Models models() {
            return dir == null ? Models.bundled() : Models.in(dir);
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:the views were applied", ExitCodes.FAILED, ExitCodes.USAGE},
            description = "Drops and recreates every model view, in dependency order, in one transaction.")
    public static final class Apply implements Callable<Integer> {
        @Mixin WarehouseOption warehouse;
        @Mixin Source source;

        @Override
        public Integer call() {
            Models models = source.models();
            try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
                List<String> views = models.apply(w);
                System.out.println("applied " + views.size() + " views to " + w.url() + ": " + String.join(", ", views));
            }
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:every model test passed", "1:a model test failed, or the warehouse cannot be read",
                ExitCodes.USAGE},
            description = "Runs the model tests (warehouse-models/tests) in a rolled-back transaction.")
    public static final class Test implements Callable<Integer> {
        @Mixin WarehouseOption warehouse;
        @Mixin Source source;

        @Override
        public Integer call() {
            Models models = source.models();
            try (Warehouse w = Warehouse.openExisting(warehouse.url)) {
                models.apply(w);
                List<ModelTestResult> results = models.test(w);
                long failed = results.stream().filter(r -> !r.passed()).count();
                for (ModelTestResult r : results) {
                    System.out.println((r.passed() ? "PASS  " : "FAIL  ") + r.name()
                            + (r.passed() ? "" : ": " + r.message()));
                }
                System.out.println("models: " + (results.size() - failed) + " passed, " + failed + " failed");
                return failed == 0 ? 0 : 1;
            }
        }
    }
}
