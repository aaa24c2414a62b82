package org.retentionsegments.generate;

/** Told about progress roughly every 1% of customers and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> {};

    void onProgress(long customersDone, long customersTotal);
}
