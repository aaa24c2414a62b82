package org.retentionsegments.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.core.LifecycleStage;

/**
 * {@code segments.yaml}: ordered segment rules, the first match wins, the last rule is a
 * catch-all, so every customer lands in exactly one segment by construction.
 */
public final class SegmentRules {

    public static final String FILE = "segments.yaml";

    private final List<SegmentDefinition> segments;
    private final Map<String, Integer> byName = new HashMap<>();

    public SegmentRules(List<SegmentDefinition> segments) {
        this.segments = List.copyOf(segments);
        for (SegmentDefinition segment : this.segments) {
            byName.put(segment.name(), segment.index());
        }
    }

    public List<SegmentDefinition> segments() {
        return segments;
    }

    public int size() {
        return segments.size();
    }

    /** The data contracts of every segment, in rule order. */
    public List<SegmentContract> contracts() {
        return segments.stream().flatMap(s -> s.expect().stream()).toList();
    }

    public SegmentDefinition get(int index) {
        return segments.get(index);
    }

    /** The index of the named segment, or -1. */
    public int indexOf(String name) {
        return byName.getOrDefault(name, -1);
    }

    /** The index of the first segment whose conditions match a customer without a cluster; never -1 (the catch-all). */
    public int match(Integer r, Integer f, Integer m, Double composite,
            LifecycleStage stage, int flags) {
        return match(r, f, m, composite, stage, flags, Condition.NO_CLUSTER);
    }

    /** As {@link #match(Integer, Integer, Integer, Double, LifecycleStage, int)}, in a cluster; lifetime scores equal to the window's. */
    public int match(Integer r, Integer f, Integer m, Double composite,
            LifecycleStage stage, int flags, int cluster) {
        return match(r, f, m, f, m, composite, stage, flags, cluster);
    }

    /** Whether any rule conditions on a lifetime score ({@code lifetime_f}, {@code lifetime_m}). */
    public boolean usesLifetime() {
        return segments.stream().flatMap(s -> s.when().stream()).anyMatch(Condition::usesLifetime);
    }

    /**
     * The index of the first segment whose conditions match a customer with these window and
     * lifetime ({@code lf}, {@code lm}) scores; never -1 (the catch-all).
     */
    public int match(Integer r, Integer f, Integer m, Integer lf, Integer lm, Double composite,
            LifecycleStage stage, int flags, int cluster) {
        for (SegmentDefinition segment : segments) {
            if (segment.catchAll()) {
                return segment.index();
            }
            for (Condition condition : segment.when()) {
                if (condition.matches(r, f, m, lf, lm, composite, stage, flags, cluster)) {
                    return segment.index();
                }
            }
        }
        throw new IllegalStateException("segment rules without a catch-all");
    }

    static SegmentRules parse(YamlNode root) {
        if (root.isEmpty()) {
            throw root.fail("the file is empty: write the rules under 'segments:', or delete the file to use"
                    + " the built-in segments");
        }
        root.allowOnly("segments");
        JsonNode list = root.raw("segments");
        if (!list.isArray() || list.isEmpty()) {
            throw root.failAt("segments", "segments must be a non-empty list of rules"
                    + (list.isMissingNode() || list.isArray() ? "" : ", not " + root.describe("segments", list)));
        }
        List<SegmentDefinition> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            YamlNode rule = root.element("segments", i, "rule " + (i + 1));
            String name = rule.requiredString("name");
            rule = rule.at("segment '" + name + "'");
            rule.allowOnly("name", "engagement_rank", "description", "profile", "needs",
                    "churn_drivers", "persona", "when", "expect");
            if (seen.putIfAbsent(name, i) != null) {
                throw rule.fail("defined twice (rules " + (seen.get(name) + 1) + " and "
                        + (i + 1) + ")");
            }
            if (!rule.has("engagement_rank")) {
                throw rule.fail("engagement_rank is required (higher = more engaged)");
            }
            List<Condition> when = new ArrayList<>();
            JsonNode whenNode = rule.raw("when");
            if (whenNode.isArray()) {
                for (int k = 0; k < whenNode.size(); k++) {
                    when.add(Condition.parse(rule.element("when", k, rule.place())));
                }
                if (when.isEmpty()) {
                    throw rule.failAt("when", "when is an empty list; omit it for a catch-all");
                }
            } else if (!whenNode.isMissingNode()) {
                when.add(Condition.parse(rule.self("when")));
            }
            boolean last = i == list.size() - 1;
            if (when.isEmpty() && !last) {
                throw rule.fail("is a catch-all (no when) but is not the last rule, "
                        + "so the rules after it can never match");
            }
            if (!when.isEmpty() && last) {
                throw rule.at("").fail("the last rule must be a catch-all "
                        + "(segment '" + name + "' has conditions)");
            }
            result.add(new SegmentDefinition(name, i,
                    rule.integer("engagement_rank", 0, 0, 1000),
                    rule.requiredString("description"),
                    rule.string("profile", ""),
                    rule.string("needs", ""),
                    rule.string("churn_drivers", ""),
                    when,
                    Persona.parse(rule),
                    SegmentContract.parse(rule, name)));
        }
        if (result.size() > Byte.MAX_VALUE) {
            throw root.fail("at most " + Byte.MAX_VALUE + " segments are supported");
        }
        return new SegmentRules(result);
    }
}
