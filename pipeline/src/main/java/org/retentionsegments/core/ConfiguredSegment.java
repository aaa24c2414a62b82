package org.retentionsegments.core;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.config.Strategy;

/**
 * One segment as the run's configuration defines it, written to {@code segment_config} so that
 * the warehouse models never name a segment (renaming one in the YAML keeps them right) and BI
 * tools can sort and label segments as the report does (view {@code segment_dim}).
 * Natural key: segment. A write that carries these rows carries the whole configuration: the
 * writer marks the stored segments it does not name as no longer configured ({@code in_config}).
 *
 * @param atRisk the segment's window revenue counts as revenue at risk ({@code at_risk} in
 *     strategies.yaml)
 * @param segmentOrder position of the segment's rule in segments.yaml, 1 first
 * @param engagementRank the rule's engagement_rank
 * @param description the rule's description
 * @param strategy the segment's strategy
 * (the last four null for a row that gives only the at-risk flag)
 */
public record ConfiguredSegment(String segment, boolean atRisk, Integer segmentOrder, Integer engagementRank,
        String description, Strategy strategy) implements WarehouseRow {

    /** A row with the at-risk flag only. */
    public ConfiguredSegment(String segment, boolean atRisk) {
        this(segment, atRisk, null, null, null, null);
    }

    /** One row per segment of the configuration, in the order of segments.yaml. */
    public static List<ConfiguredSegment> of(ConfigBundle config) {
        List<ConfiguredSegment> rows = new ArrayList<>();
        for (SegmentDefinition d : config.segments().segments()) {
            Strategy s = config.strategies().forSegment(d.name());
            rows.add(new ConfiguredSegment(d.name(), s.atRisk(), d.index() + 1, d.engagementRank(),
                    d.description(), s));
        }
        return rows;
    }

    /** The program the segment's customers enter; null when the strategy runs none (always_on false). */
    public String programId() {
        return strategy == null || !strategy.alwaysOn() ? null : strategy.programId();
    }
}
