package org.retentionsegments.flink;

import org.retentionsegments.core.refresh.CountKey;

/**
 * How one customer's contribution to the population distributions changed at a moment: the key
 * it was counted under before (null for a new customer) and the one it counts under now (null
 * when it was forgotten). The merge adds these up into the refresh boundaries.
 */
public record FactsDelta(CountKey removed, CountKey added) {}
