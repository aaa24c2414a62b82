package org.retentionsegments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.ConfigTexts;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.warehouse.LiveWarehouse;
import org.retentionsegments.warehouse.Warehouse;
import picocli.CommandLine.ParameterException;

/**
 * The wiring of {@code demo --continuous}: the local broker and PostgreSQL started when they do
 * not answer, a fresh schema, the core ({@link ContinuousDemo}), then the report.
 */
final class LiveDemo {

    static final String LOCAL_KAFKA = "127.0.0.1:9092";
    static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String SCHEMA = "demo_live";
    static final String TOPIC_PREFIX = "demo.";

    private static final int CUSTOMERS = 3000;
    private static final int DAYS = 365;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private LiveDemo() {}

    static int run(DemoCommand demo) throws Exception {
        PrintStream out = System.err;
        ConfigGate.check(demo.configDir, demo.allowConfigFindings, out);
        ConfigTexts config = BoundedRun.configTexts(demo.configDir);
        LocalDate lastDay = ContinuousDemo.lastDay(ZonedDateTime.now(ZoneOffset.UTC), config.parse().pipeline().stream());
        GeneratorConfig business;
        try {
            business = GeneratorConfig.of(demo.customers == null ? CUSTOMERS : demo.customers,
                    demo.days == null ? DAYS : demo.days, demo.seed).withPlantedLift(demo.plantedLift).withEndDate(lastDay);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(demo.spec.commandLine(), e.getMessage(), e);
        }
        if (demo.bootstrapServers.equals(LOCAL_KAFKA)) {
            ensureRunning("Kafka", "127.0.0.1", 9092, "infra/start-kafka.sh", out);
        }
        if (demo.postgres.equals(LOCAL_POSTGRES)) {
            ensureRunning("PostgreSQL", "127.0.0.1", 5432, "infra/start-postgres.sh", out);
        }
        String url = LiveWarehouse.freshSchema(demo.postgres, SCHEMA);
        Path dir = demo.dir.resolve("live");
        Files.createDirectories(dir);
        String group = "segments-demo-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        ContinuousDemo.Setup setup = new ContinuousDemo.Setup(demo.bootstrapServers, url, TOPIC_PREFIX, group, business,
                config, dir.resolve("data"), Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(5), TIMEOUT);
        long started = System.nanoTime();
        LocalDate asOf = ContinuousDemo.run(setup, out);
        out.printf("the job refreshed %s after %.0f s and is stopped%n%n", asOf, (System.nanoTime() - started) / 1e9);

        Path html = dir.resolve("report.html");
        ReportCommand.print(url, demo.configDir, null, html, System.out);
        System.out.println();
        System.out.println("The report shows the latest refresh the warehouse keeps (refresh.snapshot_every in pipeline.yaml);"
                + " customer_segment holds every customer's segment as of " + asOf + ".");
        System.out.println("The HTML report with charts is " + html + ".");
        System.out.println("The warehouse is the schema " + SCHEMA + " of " + Warehouse.displayUrl(demo.postgres) + ": run");
        System.out.println("  ./segments report --warehouse '" + Warehouse.displayUrl(url) + "'");
        System.out.println("The transitions of the live refreshes are on the topic " + TOPIC_PREFIX
                + "segment-transitions. Kafka and PostgreSQL keep running (infra/start-kafka.sh stop stops the broker).");
        return 0;
    }

    /** Runs {@code script} of the repository when nothing answers on {@code host:port}. */
    private static void ensureRunning(String what, String host, int port, String script, PrintStream out)
            throws IOException, InterruptedException {
        if (answers(host, port)) {
            return;
        }
        Path home = Path.of(System.getProperty("segments.home", "."));
        Path file = home.resolve(script);
        if (!Files.isExecutable(file)) {
            throw new IllegalArgumentException(what + " does not answer on " + host + ":" + port + " and there is no "
                    + script + " in " + home.toAbsolutePath().normalize() + ": start " + what
                    + " yourself, or run ./segments from the repository");
        }
        out.println(what + " does not answer on " + host + ":" + port + ": starting it with " + script);
        Process process = new ProcessBuilder(file.toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        process.getInputStream().transferTo(out); // with the demo's progress, apart from the report on stdout
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " could not start " + what + " (its output is above)");
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
