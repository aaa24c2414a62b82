package org.retentionsegments.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;

/**
 * One data contract of a segment ({@code expect:} in segments.yaml): either a minimum size (the
 * segment has at least {@code minSize} customers) or a condition on the customers that at least
 * {@code shareAtLeast} of them meet. A condition is on the columns of {@code customer_segment}:
 * lifecycle stage, recency in days, window frequency and monetary, and behaviour flags; all its
 * parts must hold. A customer without a recency (a prospect) never meets a recency range.
 *
 * <p>YAML, one mapping or a list of them: {@code min_size: 1000}; {@code lifecycle: new} (or a
 * list); {@code recency_days}, {@code frequency}, {@code monetary}: a range {@code "0-120"}, an
 * open range {@code "2+"} (at least 2) or one value; {@code flags: { high_return_rate: false }};
 * {@code share_at_least: 0.9} (default 1: every customer). A mapping with {@code min_size} and a
 * condition gives two contracts.
 *
 * @param minSize the least number of customers; {@link #NO_MIN_SIZE} for a condition contract
 * @param lifecycle the stages allowed; empty = any
 * @param recencyDays allowed recency in days, null = any
 * @param frequency allowed orders in the window, null = any
 * @param monetary allowed net revenue in the window, null = any
 * @param flagsSet flags that must be set ({@link Flag#bit()})
 * @param flagsClear flags that must be clear
 * @param shareAtLeast the share 0..1 of the segment's customers that must meet the condition
 */
public record SegmentContract(
        String segment,
        long minSize,
        Set<LifecycleStage> lifecycle,
        Range recencyDays,
        Range frequency,
        Range monetary,
        int flagsSet,
        int flagsClear,
        double shareAtLeast) {

    public static final long NO_MIN_SIZE = -1;

    private static final String CONDITIONS = "lifecycle, recency_days, frequency, monetary, flags";

    public SegmentContract {
        lifecycle = lifecycle.isEmpty() ? Set.of() : Set.copyOf(lifecycle);
    }

    /** A minimum-size contract. */
    public static SegmentContract minSize(String segment, long minSize) {
        return new SegmentContract(segment, minSize, Set.of(), null, null, null, 0, 0, 1.0);
    }

    /**
     * A range {@code low..high}, both ends included; {@code high} is infinite for an open range.
     * Whole numbers for days and orders.
     */
    public record Range(double low, double high) {

        public boolean open() {
            return high == Double.POSITIVE_INFINITY;
        }

        public boolean contains(double value) {
            return value >= low && value <= high;
        }

        /** {@code 0-120}, {@code 2+} or {@code 5}. */
        public String text() {
            return open() ? YamlNode.fmt(low) + "+" : low == high ? YamlNode.fmt(low)
                    : YamlNode.fmt(low) + "-" + YamlNode.fmt(high);
        }
    }

    /** Whether this is a minimum size rather than a condition on the customers. */
    public boolean sizeContract() {
        return minSize != NO_MIN_SIZE;
    }

    /**
     * Whether a customer meets the condition (true for a size contract): the reference of the
     * query the warehouse runs. {@code recencyDays} is null for a prospect.
     */
    public boolean matches(LifecycleStage stage, Integer recencyDays, int frequency, double monetary, int flags) {
        return (lifecycle.isEmpty() || lifecycle.contains(stage))
                && (this.recencyDays == null || recencyDays != null && this.recencyDays.contains(recencyDays))
                && (this.frequency == null || this.frequency.contains(frequency))
                && (this.monetary == null || this.monetary.contains(monetary))
                && (flags & flagsSet) == flagsSet && (flags & flagsClear) == 0;
    }

    /**
     * The condition in words, e.g. {@code lifecycle new or active and recency 0-120 days}; empty for a
     * size contract.
     */
    public String condition() {
        List<String> parts = new ArrayList<>();
        if (!lifecycle.isEmpty()) {
            parts.add("lifecycle " + EnumSet.copyOf(lifecycle).stream().map(LifecycleStage::label)
                    .collect(Collectors.joining(" or ")));
        }
        if (recencyDays != null) {
            parts.add("recency " + recencyDays.text() + " days");
        }
        if (frequency != null) {
            parts.add("frequency " + frequency.text());
        }
        if (monetary != null) {
            parts.add("monetary " + monetary.text());
        }
        for (Flag flag : Flag.values()) {
            if ((flagsSet & flag.bit()) != 0 || (flagsClear & flag.bit()) != 0) {
                parts.add(flag.label() + " " + ((flagsSet & flag.bit()) != 0));
            }
        }
        return String.join(" and ", parts);
    }

    /** The contracts of one segment's {@code expect}: a mapping or a list of them. */
    static List<SegmentContract> parse(YamlNode rule, String segment) {
        List<SegmentContract> result = new ArrayList<>();
        JsonNode expect = rule.raw("expect");
        if (expect.isMissingNode()) {
            return result;
        }
        String place = rule.place() + ": expect";
        if (expect.isArray()) {
            if (expect.isEmpty()) {
                throw rule.failAt("expect", "expect is an empty list; omit it for no contract");
            }
            for (int k = 0; k < expect.size(); k++) {
                result.addAll(parseOne(rule.element("expect", k, place + " " + (k + 1)), segment));
            }
        } else {
            result.addAll(parseOne(rule.child("expect", place), segment));
        }
        return result;
    }

    private static List<SegmentContract> parseOne(YamlNode node, String segment) {
        node.allowOnly("min_size", "share_at_least", "lifecycle", "recency_days", "frequency", "monetary", "flags");
        List<SegmentContract> result = new ArrayList<>();
        if (node.has("min_size")) {
            result.add(minSize(segment, node.integer("min_size", 0, 0, Integer.MAX_VALUE)));
        }
        boolean condition = node.has("lifecycle") || node.has("recency_days") || node.has("frequency")
                || node.has("monetary") || node.has("flags");
        if (!condition) {
            if (node.has("share_at_least")) {
                throw node.failAt("share_at_least", "share_at_least needs a condition on the customers (" + CONDITIONS
                        + ")");
            }
            if (result.isEmpty()) {
                throw node.fail("nothing to check: write min_size or a condition (" + CONDITIONS + ")");
            }
            return result;
        }
        EnumSet<LifecycleStage> stages = Condition.stages(node);
        if (node.has("flags") && node.child("flags", node.place()).isEmpty()) {
            throw node.failAt("flags", "flags is an empty mapping; omit it for no condition on flags");
        }
        int[] flags = Condition.flags(node);
        result.add(new SegmentContract(segment, NO_MIN_SIZE, stages, range(node, "recency_days", true),
                range(node, "frequency", true), range(node, "monetary", false), flags[0], flags[1],
                node.number("share_at_least", 1.0, 0, 1)));
        return result;
    }

    /** {@code "a-b"}, {@code "a+"} or one value, 0 or more; null when the key is absent. */
    private static Range range(YamlNode node, String key, boolean whole) {
        JsonNode value = node.raw(key);
        if (value.isMissingNode()) {
            return null;
        }
        String example = whole ? "0-120, 2+ or 30" : "100-500, 100+ or 250";
        if (!value.isValueNode() || value.isBoolean()) {
            throw node.failAt(key, key + " must be a range like " + example + ", not " + node.describe(key, value));
        }
        String text = node.written(key).strip();
        String bad = key + " '" + text + "' is not a range like " + example
                + (whole ? " (whole numbers, 0 or more)" : " (numbers, 0 or more)");
        boolean open = text.endsWith("+");
        String[] parts = (open ? text.substring(0, text.length() - 1) : text).split("-", -1);
        if (parts.length > 2 || open && parts.length != 1) {
            throw node.failAt(key, bad);
        }
        double low = number(parts[0], whole);
        double high = open ? Double.POSITIVE_INFINITY : parts.length == 2 ? number(parts[1], whole) : low;
        if (Double.isNaN(low) || Double.isNaN(high)) {
            throw node.failAt(key, bad);
        }
        if (low > high) {
            throw node.failAt(key, key + " range " + text + " is empty (low end above high end)");
        }
        return new Range(low, high);
    }

    /** A number 0 or more (whole when asked), NaN when it is not one. */
    private static double number(String text, boolean whole) {
        String t = text.strip();
        if (!t.matches(whole ? "\\d{1,9}" : "\\d{1,15}(\\.\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(t);
    }
}
