package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The five checks of a segment (seed 001 section 7: sizeable, measurable, accessible,
 * differentiable, actionable) from a row of the view {@code segment_validation}, each passed,
 * failed or not known yet, with its reason in plain words: the report's SEGMENT VALIDATION section,
 * and the reasons {@code ./segments review} gives for a failure. A segment passes every check when
 * all five hold (criteria_met = 5); a differentiability not known yet is no pass.
 */
final class ValidationText {

    static final String TITLE = "SEGMENT VALIDATION";

    /** One check of a segment: {@code passed} null when not known yet. */
    record Check(String name, Boolean passed, String reason) {

        String mark() {
            return passed == null ? "not known" : passed ? "pass" : "FAIL";
        }
    }

    private ValidationText() {}

    /** The five checks of a row of segment_validation, in the seed's order. */
    static List<Check> checks(Map<String, Object> v) {
        boolean sized = Boolean.TRUE.equals(v.get("size_ok"));
        boolean measurable = Boolean.TRUE.equals(v.get("measurable"));
        boolean accessible = Boolean.TRUE.equals(v.get("accessible"));
        Boolean different = (Boolean) v.get("differentiable");
        boolean actionable = Boolean.TRUE.equals(v.get("actionable"));
        return List.of(
                new Check("sizeable", sized, sized ? String.format(Locale.ROOT, "%s, at least the minimum of %s",
                        Fmt.customers(customers(v)), Fmt.count((Number) v.get("min_segment_size"))) : tooSmall(v)),
                new Check("measurable", measurable, measurable ? measuredBy(v) : notMeasured()),
                new Check("accessible", accessible, accessible ? reachable(v) + " reachable by a channel with consent"
                        : notAccessible(v)),
                new Check("differentiable", different, different == null ? "no later retention is measured for it"
                        + " yet (score_validation), so it cannot be compared with its neighbours'"
                        : different ? distinct(v) : notDistinct(v)),
                new Check("actionable", actionable, !actionable ? notActionable()
                        : Boolean.TRUE.equals(v.get("suppressed")) ? "its strategy " + v.get("strategy")
                                + " leaves it alone on purpose" : "its strategy " + v.get("strategy") + " contacts it"));
    }

    /** Whether the row passes all five checks. */
    static boolean passesAll(Map<String, Object> v) {
        Object met = v.get("criteria_met");
        return met instanceof Number n && n.intValue() == 5;
    }

    /** "3 of 9 segments pass every check." */
    static String summary(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "No segment of the configuration is in the warehouse yet: run ./segments run first.";
        }
        long all = rows.stream().filter(ValidationText::passesAll).count();
        return String.format(Locale.ROOT, "%d of %d segments pass every check (sizeable, measurable, accessible,"
                + " differentiable, actionable; seed 001 section 7, view segment_validation).", all, rows.size());
    }

    /** "Promising: sizeable FAIL: 315 customers, below the minimum of 1,000; differentiable not known: ..." */
    static String sentence(Map<String, Object> v) {
        List<String> parts = new ArrayList<>();
        for (Check c : checks(v)) {
            if (!Boolean.TRUE.equals(c.passed())) {
                parts.add(c.name() + " " + c.mark() + ": " + c.reason());
            }
        }
        return v.get("segment") + ": " + String.join("; ", parts) + ".";
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(TITLE).append('\n').append("-".repeat(TITLE.length())).append('\n');
        out.append(Fmt.wrap("", "", summary(rows), TextReport.WIDTH));
        if (rows.isEmpty()) {
            return out.toString();
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-22s %-10s %-10s %-10s %-14s %-10s%n", "Segment",
                "Sizeable", "Measurable", "Accessible", "Differentiable", "Actionable"));
        for (Map<String, Object> v : rows) {
            List<Check> c = checks(v);
            out.append(String.format(Locale.ROOT, "%-22s %-10s %-10s %-10s %-14s %-10s", Fmt.left(
                    String.valueOf(v.get("segment")), 22), c.get(0).mark(), c.get(1).mark(), c.get(2).mark(),
                    c.get(3).mark(), c.get(4).mark()).stripTrailing()).append('\n');
        }
        out.append('\n');
        for (Map<String, Object> v : rows) {
            if (!passesAll(v)) {
                out.append(Fmt.wrap("- ", "  ", sentence(v), TextReport.WIDTH));
            }
        }
        return out.toString();
    }

    static void html(StringBuilder h, List<Map<String, Object>> rows) {
        h.append("<h2 id=\"segment-validation\">Segment validation</h2>\n").append(Html.el("p", summary(rows)))
                .append('\n');
        if (rows.isEmpty()) {
            return;
        }
        h.append("<table>\n<tr><th>Segment</th><th>Sizeable</th><th>Measurable</th><th>Accessible</th>"
                + "<th>Differentiable</th><th>Actionable</th></tr>\n");
        for (Map<String, Object> v : rows) {
            h.append("<tr>").append(Html.el("td", String.valueOf(v.get("segment"))));
            for (Check c : checks(v)) {
                h.append("<td").append(c.passed() == null ? " class=\"empty\"" : c.passed() ? "" : " class=\"fail\"").append('>')
                        .append("<b>").append(Html.escape(c.mark())).append("</b> ").append(Html.escape(c.reason()))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** The {@code segment_validation} object of {@code report --json}. */
    static Map<String, Object> json(List<Map<String, Object>> rows) {
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Map<String, Object> v : rows) {
            Map<String, Object> checks = new LinkedHashMap<>();
            checks(v).forEach(c -> checks.put(c.name(), JsonLine.map("passed", c.passed(), "reason",
                    Fmt.spaces(c.reason()))));
            segments.add(JsonLine.map("segment", v.get("segment"), "strategy", v.get("strategy"), "customers",
                    customers(v), "min_segment_size", v.get("min_segment_size"), "reachable_share",
                    v.get("reachable_share"), "retention_rate", v.get("retention_rate"), "criteria_met",
                    v.get("criteria_met"), "passes_all", passesAll(v), "checks", checks));
        }
        return JsonLine.map("passing", rows.stream().filter(ValidationText::passesAll).count(), "segments_checked",
                rows.size(), "summary", Fmt.spaces(summary(rows)), "segments", segments);
    }

    /** "315 customers, below the minimum of 1,000". */
    static String tooSmall(Map<String, Object> v) {
        return String.format(Locale.ROOT, "%s, below the minimum of %s", Fmt.customers(customers(v)),
                Fmt.count((Number) v.get("min_segment_size")));
    }

    static String notMeasured() {
        return "nothing measures it (no holdout lift, no retention validated)";
    }

    static String notAccessible(Map<String, Object> v) {
        return "only " + reachable(v) + " reachable by a channel with consent";
    }

    /** "its later retention (12.0 %) is not distinct from Loyal's (-1.0 points, 95 % -3.0 to +1.0)". */
    static String notDistinct(Map<String, Object> v) {
        return "its later retention (" + Fmt.pct((Double) v.get("retention_rate")) + ") is not distinct from "
                + neighbours(v, false);
    }

    static String notActionable() {
        return "it has no strategy with a channel";
    }

    private static String measuredBy(Map<String, Object> v) {
        boolean lift = Boolean.TRUE.equals(v.get("has_lift"));
        boolean validated = Boolean.TRUE.equals(v.get("has_validation"));
        return lift && validated ? "a holdout lift and its validated later retention"
                : lift ? "a holdout lift" : "its validated later retention";
    }

    private static String distinct(Map<String, Object> v) {
        String from = neighbours(v, true);
        return "its later retention (" + Fmt.pct((Double) v.get("retention_rate")) + ") differs from "
                + (from.isEmpty() ? "its neighbours'" : from);
    }

    /** The neighbours whose difference interval includes 0 ({@code distinct} false) or excludes it (true). */
    private static String neighbours(Map<String, Object> v, boolean distinct) {
        List<String> parts = new ArrayList<>();
        for (String side : List.of("lower", "upper")) {
            Double low = (Double) v.get(side + "_difference_ci_low");
            Double high = (Double) v.get(side + "_difference_ci_high");
            if (v.get(side + "_segment") != null && low != null && high != null
                    && (low <= 0 && high >= 0) != distinct) {
                parts.add(String.format(Locale.ROOT, "%s's (%s points, 95 %% %s to %s)", v.get(side + "_segment"),
                        Fmt.points((Double) v.get(side + "_difference")), Fmt.points(low), Fmt.points(high)));
            }
        }
        return String.join(distinct ? " and " : " or ", parts);
    }

    private static String reachable(Map<String, Object> v) {
        return Fmt.pct0((Double) v.get("reachable_share"));
    }

    private static long customers(Map<String, Object> v) {
        Object n = v.get("customers");
        return n instanceof Number number ? number.longValue() : 0;
    }
}
