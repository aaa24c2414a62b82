package org.retentionsegments.core;

import java.util.Comparator;
import java.util.List;
import org.retentionsegments.core.config.Strategies;

/**
 * One segment as the run's configuration defines it, written to {@code segment_config} so that
 * the warehouse models never name a segment: renaming one in the YAML keeps them right.
 * Natural key: segment.
 *
 * @param atRisk the segment's window revenue counts as revenue at risk ({@code at_risk} in
 *     strategies.yaml)
 */
public record ConfiguredSegment(String segment, boolean atRisk) implements WarehouseRow {

    /** One row per segment of the configuration, by name. */
    public static List<ConfiguredSegment> of(Strategies strategies) {
        return strategies.all().values().stream()
                .map(s -> new ConfiguredSegment(s.segment(), s.atRisk()))
                .sorted(Comparator.comparing(ConfiguredSegment::segment))
                .toList();
    }
}
