package org.retentionsegments.flink;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.retentionsegments.core.refresh.CountKey;
import org.retentionsegments.flink.state.EdgeTypes;

/**
 * How one customer's contribution to the population distributions changed at a moment: the key
 * it was counted under before (null for a new customer) and the one it counts under now (null
 * when it was forgotten). The merge adds these up into the refresh boundaries.
 */
@TypeInfo(EdgeTypes.FactsDeltaFactory.class) // sent between tasks in a compact encoding
public record FactsDelta(CountKey removed, CountKey added) {}
