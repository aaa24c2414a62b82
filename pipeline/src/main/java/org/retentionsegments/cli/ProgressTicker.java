package org.retentionsegments.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a progress line every few seconds on a daemon thread until closed. */
final class ProgressTicker implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private ProgressTicker(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static ProgressTicker every(int seconds, Runnable line) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(line, seconds, seconds, TimeUnit.SECONDS);
        return new ProgressTicker(executor);
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
