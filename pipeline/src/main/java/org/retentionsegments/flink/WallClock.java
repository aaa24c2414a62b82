package org.retentionsegments.flink;

import java.io.Serializable;
import java.util.function.LongSupplier;

/**
 * The time of day (epoch ms) a continuous job lives in: what moves event time forward when every
 * topic partition is idle, and what tells its live refreshes from a catch-up through history.
 * The system clock in production; tests give one that runs faster.
 */
@FunctionalInterface
public interface WallClock extends LongSupplier, Serializable {

    WallClock SYSTEM = System::currentTimeMillis;
}
