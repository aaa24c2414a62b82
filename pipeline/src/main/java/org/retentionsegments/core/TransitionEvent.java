package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * A customer's move into a segment at a live refresh, told to the marketing stack at once (the
 * {@code segment-transitions} topic): where from and to, the strategy of the segment it moved
 * into, the customer's arm and the program that enrolls it (both for always-on strategies only, null otherwise).
 *
 * @param fromSegment null on the customer's first placement
 * @param programId null when the strategy enrolls no one automatically
 * @param configVersion which configuration placed the customer (a digest of its texts)
 */
public record TransitionEvent(String customerId, LocalDate asOf, String fromSegment, String toSegment,
        String strategy, Arm arm, String programId, String configVersion) {}
