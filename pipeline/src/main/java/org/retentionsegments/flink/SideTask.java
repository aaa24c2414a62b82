package org.retentionsegments.flink;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Work of a bounded run on a daemon thread of its own, beside the main thread (the first stage
 * while the warehouse opens, the rejected rows while the streaming job starts): {@link #join}
 * returns its result or throws what it threw, as if it had run on the caller's thread; {@link
 * #stop} interrupts it and waits a while for it to end, for a run that fails elsewhere.
 */
final class SideTask<T> {

    /** How long {@link #stop} waits for the thread to notice it was stopped. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final FutureTask<T> task;
    private final Thread thread;

    private SideTask(String name, Callable<T> work) {
        task = new FutureTask<>(work);
        thread = new Thread(task, name);
        thread.setDaemon(true); // a run that fails elsewhere never waits on it to exit
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    static <T> SideTask<T> start(String name, Callable<T> work) {
        SideTask<T> side = new SideTask<>(name, work);
        side.thread.start();
        return side;
    }

    /** Waits for the work and returns its result; what it threw is thrown here as itself. */
    T join() throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Whether the work has ended (done, failed or stopped). */
    boolean isDone() {
        return task.isDone();
    }

    /** Interrupts the work if it still runs and waits (a while) for its thread to end; what it threw is dropped. */
    void stop() throws InterruptedException {
        if (task.isDone()) {
            return;
        }
        thread.interrupt();
        // the thread itself, not only the task's outcome: the outcome is set a moment before the
        // thread ends. What it threw as it was stopped is dropped (the run's own error is the one
        // to report); past the wait it is left to end on its daemon thread
        thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
    }
}
