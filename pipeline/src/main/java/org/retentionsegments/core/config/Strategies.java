package org.retentionsegments.core.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code strategies.yaml}: one strategy per segment of {@code segments.yaml}, no more, no less. */
public final class Strategies {

    public static final String FILE = "strategies.yaml";

    private final Map<String, Strategy> bySegment;

    public Strategies(Map<String, Strategy> bySegment) {
        this.bySegment = Map.copyOf(bySegment);
    }

    /** The strategy of a segment; never null for a segment of the validated rules. */
    public Strategy forSegment(String segment) {
        return bySegment.get(segment);
    }

    public Map<String, Strategy> all() {
        return bySegment;
    }

    /** Parses the file and checks it against the segment rules. */
    static Strategies parse(YamlNode root, SegmentRules rules) {
        if (root.isEmpty()) {
            throw root.fail("the file is empty: write a strategy per segment under 'strategies:', or delete"
                    + " the file to use the built-in strategies");
        }
        root.allowOnly("defaults", "strategies");
        YamlNode defaults = root.child("defaults")
                .allowOnly("program_id", "holdout_share", "always_on", "contact_cost", "salt", "target_lift",
                        "min_segment_size");
        YamlNode list = root.child("strategies");
        Map<String, Strategy> result = new LinkedHashMap<>();
        Map<Integer, String> priorities = new HashMap<>();
        for (String segment : list.keys()) {
            YamlNode node = list.child(segment, "strategy '" + segment + "'");
            if (rules.indexOf(segment) < 0) {
                throw node.fail("names no segment of " + SegmentRules.FILE);
            }
            Strategy strategy = Strategy.parse(segment, node, defaults);
            String other = priorities.putIfAbsent(strategy.priority(), segment);
            if (other != null) {
                throw node.failAt("priority", "priority " + strategy.priority() + " is also used by '"
                        + other + "'; priorities must be unique");
            }
            result.put(segment, strategy);
        }
        List<String> missing = rules.segments().stream()
                .map(SegmentDefinition::name)
                .filter(name -> !result.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new ConfigException(FILE + ": no strategy for segment '" + missing.get(0) + "'"
                    + (missing.size() > 1 ? " (nor for " + (missing.size() - 1) + " more)" : ""));
        }
        return new Strategies(result);
    }
}
