package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.report.ReportData.SegmentRow;

/**
 * A segment as the report lists it: its rule and strategy from the configuration and its figures
 * from the warehouse. A segment defined but empty has no figures; a segment in the warehouse that
 * the configuration no longer defines has no rule or strategy.
 */
record ReportSegment(String name, SegmentDefinition definition, Strategy strategy, SegmentRow figures) {

    long customers() {
        return figures == null ? 0 : figures.customers();
    }

    /** The strategy priority, or MAX_VALUE for a segment the configuration does not define. */
    int priority() {
        return strategy == null ? Integer.MAX_VALUE : strategy.priority();
    }

    /**
     * Every defined segment by strategy priority (1 first), then the segments only the warehouse
     * knows, largest first.
     */
    static List<ReportSegment> ordered(ConfigBundle config, List<SegmentRow> rows) {
        Map<String, SegmentRow> byName = new HashMap<>();
        rows.forEach(row -> byName.put(row.segment(), row));
        List<ReportSegment> result = new ArrayList<>();
        for (SegmentDefinition definition : config.segments().segments()) {
            result.add(new ReportSegment(definition.name(), definition,
                    config.strategies().forSegment(definition.name()), byName.remove(definition.name())));
        }
        result.sort(Comparator.comparingInt(ReportSegment::priority));
        byName.values().stream()
                .sorted(Comparator.comparingLong(SegmentRow::customers).reversed().thenComparing(SegmentRow::segment))
                .forEach(row -> result.add(new ReportSegment(row.segment(), null, null, row)));
        return result;
    }

    /** The rank of a segment name in {@code ordered} for sorting other tables the same way. */
    static Comparator<String> order(List<ReportSegment> ordered) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put(ordered.get(i).name(), i);
        }
        return Comparator.<String>comparingInt(name -> rank.getOrDefault(name, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }
}
