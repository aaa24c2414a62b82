package org.retentionsegments.report;

import java.util.Comparator;
import java.util.List;
import org.retentionsegments.core.config.SegmentRules;
import org.retentionsegments.report.ReportData.Move;

/** SEGMENT MOVEMENT: the largest moves between segments since the previous kept refresh. */
final class MovementText {

    static final String NEW = "(new)";
    static final int TOP = 8;

    private MovementText() {}

    static String render(ReportData data, SegmentRules rules) {
        StringBuilder out = new StringBuilder("SEGMENT MOVEMENT   ");
        if (data.previousAsOf() == null) {
            out.append("\n----------------\n");
            out.append("  No earlier kept refresh: movement shows from the second kept refresh on.\n");
            return out.toString();
        }
        out.append("(since the previous kept refresh: ").append(data.previousAsOf()).append(" -> ")
                .append(data.asOf()).append(")\n----------------\n");
        out.append("  ").append(summary(data.moves())).append('\n');
        List<Move> top = top(data.moves());
        if (top.isEmpty()) {
            return out.toString();
        }
        out.append("  ").append(Fmt.left("From", 22)).append("    ").append(Fmt.left("To", 21))
                .append(Fmt.right("Customers", 11)).append(Fmt.right("% of From", 11)).append("   Direction\n");
        for (Move m : top) {
            out.append("  ").append(Fmt.left(m.from(), 22)).append(" -> ").append(Fmt.left(m.to(), 21))
                    .append(Fmt.right(Fmt.count(m.customers()), 11)).append(Fmt.right(Fmt.pct(m.shareOfFrom()), 11))
                    .append("   ").append(direction(m, rules)).append('\n');
        }
        return out.toString();
    }

    /** {@code 8,123 stayed in their segment (81.2 %), 1,234 moved, 567 are new}. */
    static String summary(List<Move> moves) {
        long stayed = moves.stream().filter(m -> m.from().equals(m.to())).mapToLong(Move::customers).sum();
        long fresh = moves.stream().filter(m -> m.from().equals(NEW)).mapToLong(Move::customers).sum();
        long moved = moves.stream().filter(m -> !m.from().equals(m.to()) && !m.from().equals(NEW))
                .mapToLong(Move::customers).sum();
        Double stayedShare = stayed + moved == 0 ? null : (double) stayed / (stayed + moved);
        return Fmt.count(stayed) + " customers stayed in their segment (" + Fmt.pct(stayedShare) + " of those seen"
                + " before), " + Fmt.count(moved) + " moved, " + Fmt.count(fresh) + " are new.";
    }

    /** The largest moves between two different segments. */
    static List<Move> top(List<Move> moves) {
        return moves.stream()
                .filter(m -> !m.from().equals(m.to()) && !m.from().equals(NEW))
                .sorted(Comparator.comparingLong(Move::customers).reversed()
                        .thenComparing(Move::from).thenComparing(Move::to))
                .limit(TOP)
                .toList();
    }

    /** {@code up} / {@code down} by the segments' engagement_rank, {@code -} when unknown. */
    static String direction(Move m, SegmentRules rules) {
        int from = rules.indexOf(m.from());
        int to = rules.indexOf(m.to());
        if (from < 0 || to < 0) {
            return Fmt.NONE;
        }
        int diff = rules.get(to).engagementRank() - rules.get(from).engagementRank();
        return diff > 0 ? "up (more engaged)" : diff < 0 ? "down (less engaged)" : "same rank";
    }
}
