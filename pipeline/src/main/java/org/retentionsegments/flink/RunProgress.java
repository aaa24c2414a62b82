package org.retentionsegments.flink;

import java.util.function.LongSupplier;

/**
 * What a bounded run can count while a stage works, for the command line's progress line: the
 * first stage in Java counts the input bytes it has read of their total. The stream stage logs its
 * own lines (the day refreshed of the days to refresh, see {@link ProgressLog}).
 */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = (label, unit, total, done) -> () -> {};

    /**
     * A stage starts: {@code done} counts up to {@code total} of {@code unit} ({@link #BYTES} or a
     * plural noun); the run closes what this returns when the stage ends.
     */
    Stage stage(String label, String unit, long total, LongSupplier done);

    /** The unit of a count of bytes. */
    String BYTES = "bytes";

    /** A stage being counted. */
    interface Stage extends AutoCloseable {
        @Override
        void close();
    }
}
