package org.retentionsegments.core.segment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.segment.TierCheckReport.DimensionTiers;
import org.retentionsegments.core.segment.TierCheckReport.Problem;
import org.retentionsegments.core.segment.TierCheckReport.Starved;
import org.retentionsegments.core.segment.TierCheckReport.Suggestion;

/**
 * Renders a {@link TierCheckReport}: the section of {@code config check --warehouse}, and the short
 * notes of the report. A tier reads {@code F2 (1, 1]}: letter, score and the raw values in it,
 * open below and closed above ({@code F1 <= 1} for the lowest bucket, {@code F5 > 3} the highest).
 */
final class TierCheckText {

    private TierCheckText() {}

    static String render(TierCheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("TIERS AT THE LATEST REFRESH, ").append(report.asOf()).append(" (score_boundary):\n");
        for (DimensionTiers d : report.dimensions()) {
            out.append("  ").append(d.dimension()).append(unit(d.dimension())).append(", ").append(d.method())
                    .append(", ").append(d.customers()).append(" customers: ")
                    .append(d.problems().isEmpty() ? "OK" : d.problems().size() + " problem tier"
                            + (d.problems().size() == 1 ? "" : "s")).append('\n');
            out.append("    ").append(d.tiers().stream().map(b -> tier(b) + ": " + b.customers())
                    .collect(Collectors.joining(", "))).append('\n');
            for (Problem p : d.problems()) {
                out.append("    ").append(problem(d, p)).append('\n');
            }
        }
        out.append("RULES THAT USE A TIER NO CUSTOMER HAD:").append(report.starved().isEmpty() ? " none\n" : "\n");
        for (Starved s : report.starved()) {
            DimensionTiers d = dimension(report, s.dimension());
            out.append("  ").append(s.segment()).append(" uses ").append(scoreName(s.dimension(), s.score()))
                    .append(", which no customer had at ").append(report.asOf())
                    .append(": boundaries ").append(context(d, s.score())).append(" (")
                    .append(s.dead() == s.of() ? "no alternative of its rule can match"
                            : s.dead() > 0 ? s.dead() + " of its " + s.of() + " alternatives can never match"
                            : "its rule still matches through other tiers")
                    .append(")\n");
        }
        out.append("SEGMENTS UNREACHABLE AT ").append(report.asOf()).append(": ")
                .append(report.unreachable().isEmpty() ? "none" : String.join(", ", report.unreachable()))
                .append('\n');
        if (!report.suggestions().isEmpty()) {
            out.append("SUGGESTED THRESHOLDS (as even a split as the ties allow, every tier at least one distinct"
                    + " value); to fix them, paste into pipeline.yaml:\n  scoring:\n");
            for (Suggestion s : report.suggestions()) {
                out.append("    ").append(s.dimension()).append(": { method: fixed, thresholds: [")
                        .append(java.util.Arrays.stream(s.thresholds()).mapToObj(TierCheckText::number)
                                .collect(Collectors.joining(", ")))
                        .append("] }   # ").append(tierName(s.dimension(), 1)).append("..5: ")
                        .append(java.util.Arrays.stream(s.customers()).mapToObj(String::valueOf)
                                .collect(Collectors.joining(", "))).append(" customers\n");
            }
            out.append("  or have every refresh recompute them: ").append(report.suggestions().stream()
                    .map(s -> s.dimension() + ": { method: distinct }").collect(Collectors.joining(", ")))
                    .append('\n');
        }
        out.append("TIERS RESULT: ").append(report.hasErrors()
                ? "FAILED (" + report.unreachable().size() + " segment" + (report.unreachable().size() == 1 ? "" : "s")
                        + " unreachable at " + report.asOf() + ")"
                : report.hasWarnings() ? "WARNINGS (every segment still reachable)" : "OK").append('\n');
        return out.toString();
    }

    /** One sentence per problem tier, then one per unreachable segment. */
    static List<String> notes(TierCheckReport report) {
        List<String> notes = new ArrayList<>();
        for (DimensionTiers d : report.dimensions()) {
            for (Problem p : d.problems()) {
                String note = problem(d, p);
                if (p.empty()) {
                    // starved: a rule (alternative) of the segment can never match; the others still
                    // match through the other tiers they allow
                    Set<String> starved = new LinkedHashSet<>();
                    Set<String> using = new LinkedHashSet<>();
                    report.starved().stream().filter(s -> s.dimension().equals(d.dimension()) && s.score() == p.score())
                            .forEach(s -> (s.dead() > 0 ? starved : using).add(s.segment()));
                    using.removeAll(starved);
                    note += starved.isEmpty() && using.isEmpty() ? "; no segment rule uses it"
                            : (starved.isEmpty() ? "" : "; it starves " + String.join(", ", starved))
                                    + (using.isEmpty() ? "" : "; " + String.join(", ", using)
                                            + (using.size() == 1 ? " uses" : " use") + " it but still match"
                                            + (using.size() == 1 ? "es" : "") + " through other tiers");
                }
                notes.add(note + ".");
            }
        }
        for (String segment : report.unreachable()) {
            notes.add("No customer can reach " + segment + " at this refresh: every rule of it needs an empty tier.");
        }
        return notes;
    }

    private static String problem(DimensionTiers d, Problem p) {
        String name = scoreName(d.dimension(), p.score());
        return switch (p.kind()) {
            case EQUAL_BOUNDARIES -> name + " is empty: its boundaries are equal, " + context(d, p.score())
                    + ", so customers tied at " + number(d.tier(p.score()).upperBound()) + " all score "
                    + holder(d, p.score()).map(b -> String.valueOf(b.score())).orElse("elsewhere");
            case EMPTY -> name + " is empty: no customer's value is in " + tier(d.tier(p.score()));
            case CROWDED -> name + " holds " + String.format(Locale.ROOT, "%.1f %%", 100 * p.share()) + " of the "
                    + d.customers() + " customers (" + d.method() + " tiers aim at an even split)";
        };
    }

    /** The empty tier, and for equal boundaries the tier its tied value went to, in score order. */
    private static String context(DimensionTiers d, int score) {
        ScoreBoundary empty = d.tier(score);
        List<ScoreBoundary> shown = new ArrayList<>(List.of(empty));
        holder(d, score).ifPresent(shown::add);
        return shown.stream().sorted(java.util.Comparator.comparingInt(ScoreBoundary::score))
                .map(TierCheckText::tier).collect(Collectors.joining(", "));
    }

    /** For a tier with equal boundaries v, v: the tier that holds v. */
    private static java.util.Optional<ScoreBoundary> holder(DimensionTiers d, int score) {
        ScoreBoundary empty = d.tier(score);
        if (!TierCheck.equalBounds(empty)) {
            return java.util.Optional.empty();
        }
        double v = empty.upperBound();
        return d.tiers().stream().filter(b -> b.score() != score
                && (b.lowerBound() == null || v > b.lowerBound()) && (b.upperBound() == null || v <= b.upperBound()))
                .findFirst();
    }

    static String tier(ScoreBoundary b) {
        String name = tierName(b.dimension(), b.score());
        if (b.lowerBound() == null && b.upperBound() == null) {
            return name + " any";
        }
        if (b.lowerBound() == null) {
            return name + " <= " + number(b.upperBound());
        }
        if (b.upperBound() == null) {
            return name + " > " + number(b.lowerBound());
        }
        return name + " (" + number(b.lowerBound()) + ", " + number(b.upperBound()) + "]";
    }

    /** A score as the rules write it: {@code F 2}; other dimensions by name. */
    static String scoreName(String dimension, int score) {
        String letter = letter(dimension);
        return (letter == null ? dimension : letter) + " " + score;
    }

    /** A tier: {@code F2}; other dimensions by name. */
    static String tierName(String dimension, int score) {
        String letter = letter(dimension);
        return letter == null ? dimension + " " + score : letter + score;
    }

    /** R, F, M, lifetime F, lifetime M for the dimensions of the rules; null for any other. */
    private static String letter(String dimension) {
        return switch (dimension) {
            case "recency" -> "R";
            case "frequency" -> "F";
            case "monetary" -> "M";
            case "lifetime_frequency" -> "lifetime F";
            case "lifetime_monetary" -> "lifetime M";
            default -> null;
        };
    }

    private static String unit(String dimension) {
        return switch (dimension) {
            case "recency" -> " (days since the last order)";
            case "frequency" -> " (orders in the window)";
            case "monetary" -> " (spend in the window)";
            case "lifetime_frequency" -> " (orders ever)";
            case "lifetime_monetary" -> " (spend ever)";
            default -> "";
        };
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static DimensionTiers dimension(TierCheckReport report, String name) {
        return report.dimensions().stream().filter(d -> d.dimension().equals(name)).findFirst().orElseThrow();
    }
}
