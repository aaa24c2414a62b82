package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.retentionsegments.core.config.StreamTiming;
import org.retentionsegments.flink.ConfigTexts;
import org.retentionsegments.flink.ContinuousJob;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.replay.ConsumerLag;
import org.retentionsegments.replay.KafkaClients;
import org.retentionsegments.replay.Replay;
import org.retentionsegments.replay.ReplayProgress;
import org.retentionsegments.replay.TopicRecords;
import org.retentionsegments.warehouse.LiveWarehouse;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The live demo's core: a generated business, ending the day before the job's clock-driven time,
 * replayed into fresh topics while the continuous job, embedded, segments it into a PostgreSQL
 * warehouse; a progress line every few seconds until the job has refreshed the day after the
 * business's last, then the job is stopped. Wiring (brokers, warehouse) comes in {@link Setup}.
 */
final class ContinuousDemo {

    /**
     * @param business what to generate (its end date from {@link #lastDay})
     * @param files folder for the generated files
     * @param groupId the job's consumer group
     * @param every time between two progress lines
     * @param timeout how long the job may take to refresh the last day
     */
    record Setup(String bootstrapServers, String warehouseUrl, String prefix, String groupId, GeneratorConfig business,
            ConfigTexts config, Path files, int parallelism, Duration every, Duration timeout) {}

    private ContinuousDemo() {}

    /**
     * The last day of a business to replay now: the day before the one the job's watermark is in
     * once it follows the clock (now minus the allowed lateness), so that every event is in the
     * past and the job refreshes the day after it (whose midnight that watermark has passed).
     */
    static LocalDate lastDay(ZonedDateTime now, StreamTiming timing) {
        return now.withZoneSameInstant(ZoneOffset.UTC).minus(timing.allowedLateness()).toLocalDate().minusDays(1);
    }

    /**
     * Runs the demo; returns the last refresh day written to the warehouse: the day after the
     * business's last, or a day later when the clock passed the next day's boundary (midnight
     * plus the allowed lateness) while the demo ran.
     */
    static LocalDate run(Setup setup, PrintStream out) throws Exception {
        Replay.Options topics = new Replay.Options(setup.bootstrapServers(), setup.prefix(), 4, 0, Map.of());
        Replay.deleteTopics(topics);
        Replay.createTopics(topics);
        out.printf(Locale.ROOT, "generating %,d customers over %d days up to %s (seed %d) into %s ...%n",
                setup.business().customers(), setup.business().days(), setup.business().endDate(),
                setup.business().seed(), setup.files());
        Replay replay = new Replay(topics, TopicRecords.generated(setup.business(), setup.files()));
        LocalDate target = setup.business().endDate().plusDays(1);

        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, setup.parallelism());
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(5));
        ContinuousJob.Settings settings = ContinuousJob.Settings.of(setup.bootstrapServers(), setup.prefix(),
                setup.groupId(), setup.warehouseUrl(), setup.config(), Map.of());
        out.printf(Locale.ROOT, "starting the continuous job (Flink embedded, %d tasks) on the topics %s* of %s,"
                + " writing %s ...%n", setup.parallelism(), setup.prefix(), setup.bootstrapServers(),
                Warehouse.displayUrl(setup.warehouseUrl()));
        JobClient job = ContinuousJob.start(settings, conf, null, out);
        try {
            out.printf(Locale.ROOT, "replaying %,d events into the topics, in event-time order; the job's lag is"
                    + " what its consumer group has not committed yet (it commits at each checkpoint) ...%n",
                    replay.total());
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    replay.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            return watch(setup, topics.inputTopics(), job, replay, sending, target, out);
        } finally {
            if (!job.getJobExecutionResult().isDone()) { // a job that failed is stopped already
                job.cancel().get();
            }
        }
    }

    /**
     * Prints a progress line every {@link Setup#every()} until the job has written {@code target}'s
     * refresh or a later one; returns the day of that refresh.
     */
    private static LocalDate watch(Setup setup, List<String> inputs, JobClient job, Replay replay,
            CompletableFuture<Void> sending, LocalDate target, PrintStream out) throws Exception {
        long started = System.nanoTime();
        long deadline = started + setup.timeout().toNanos();
        ReplayProgress sent = new ReplayProgress(replay, started);
        boolean toldQuiet = false;
        boolean told = false; // the line with the replay's whole count is printed once, then a short one
        StreamTiming timing = setup.config().parse().pipeline().stream();
        try (Admin admin = KafkaClients.admin(setup.bootstrapServers(), Map.of());
                Warehouse warehouse = Warehouse.openMigrated(setup.warehouseUrl())) {
            while (true) {
                Thread.sleep(setup.every().toMillis());
                if (job.getJobExecutionResult().isDone()) {
                    job.getJobExecutionResult().get(); // the job's failure, as it is
                    throw new IllegalStateException("the continuous job stopped by itself before it refreshed " + target);
                }
                if (sending.isCompletedExceptionally()) {
                    sending.join();
                }
                long lag = ConsumerLag.fetch(admin, setup.groupId(), inputs);
                LiveWarehouse.Progress progress = LiveWarehouse.progress(warehouse);
                long seconds = (System.nanoTime() - started) / 1_000_000_000L;
                String replayed = sending.isDone() && told
                        ? String.format(Locale.ROOT, "replay done: %,d events", replay.total())
                        : sent.line(System.nanoTime());
                told = sending.isDone();
                out.println(line(seconds, replayed, lag, progress));
                if (progress.lastRefresh() != null && !progress.lastRefresh().isBefore(target)) {
                    return progress.lastRefresh();
                }
                if (!toldQuiet && sending.isDone() && lag == 0) {
                    toldQuiet = true;
                    out.printf(Locale.ROOT, "every event is read; once the topics have been quiet for %s"
                            + " (stream.idle_timeout) the job's time follows the clock and it refreshes %s%n",
                            timing.idleTimeout().toString().substring(2).toLowerCase(Locale.ROOT), target);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the continuous job had not refreshed " + target + " after "
                            + setup.timeout().toSeconds() + " s (last refresh: " + progress.lastRefresh()
                            + "); on a busy machine try again with fewer --customers");
                }
            }
        }
    }

    static String line(long seconds, String sent, long lag, LiveWarehouse.Progress progress) {
        return String.format(Locale.ROOT, "%4d s  %s | job: lag %,d, refreshed %s, %,d customers, %,d moved",
                seconds, sent, lag, progress.lastRefresh() == null ? "-" : progress.lastRefresh(),
                progress.customers(), progress.moves());
    }
}
