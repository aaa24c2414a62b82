package org.retentionsegments.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.retentionsegments.report.ReportData.LiftRow;

/** HOLDOUT LIFT: one table, a group per program (its ALL row first), and a reading of each. */
final class LiftText {

    static final String TITLE = "HOLDOUT LIFT   (retention = a positive order within the horizon after treatment)";
    private static final int[] WIDTHS = {19, 7, 7, 11, 19, 6, 13, 9};

    private LiftText() {}

    static String render(List<LiftRow> rows, Comparator<String> segmentOrder) {
        StringBuilder out = new StringBuilder(TITLE).append("\n------------\n");
        if (rows.isEmpty()) {
            return out.append("  No program has a treatment whose horizon has ended yet: lift shows once the"
                    + " horizon (60 days\n  unless program_horizon says otherwise) has passed after treatment.\n")
                    .toString();
        }
        // the columns widen to the table's longest cell (five-figure revenue margins), so they stay aligned
        int[] widths = WIDTHS.clone();
        for (LiftRow r : rows) {
            if (r.delivered()) {
                String[] cells = cells(r);
                for (int i = 0; i < cells.length; i++) {
                    widths[i] = Math.max(widths[i], cells[i].length());
                }
            }
        }
        if (rows.stream().anyMatch(LiftRow::delivered)) {
            out.append(line(widths, "", "Treated", "Holdout", "Retention %", "Lift, pts", "p", "Incremental", "Cost per"));
            out.append(line(widths, "Program / segment", "", "", "T / H", "[95 % CI]", "", "revenue, 95 %", "retained"));
        }
        for (Map.Entry<String, List<LiftRow>> program : byProgram(rows, segmentOrder).entrySet()) {
            LiftRow all = program.getValue().get(0);
            out.append(program.getKey()).append("   (horizon ")
                    .append(all.horizonDays() == null ? Fmt.NONE : all.horizonDays()).append(" days)\n");
            if (!all.delivered()) {
                out.append(Fmt.wrap("  ", "  ", assigned(all), 100));
                continue;
            }
            for (LiftRow r : program.getValue()) {
                out.append(line(widths, cells(r)));
            }
            out.append(Fmt.wrap("  Reading: ", "           ", reading(all), 100));
            String counts = reconciliation(program.getValue());
            if (counts != null) {
                out.append(Fmt.wrap("  Counts: ", "          ", counts, 100));
            }
            String tests = multipleTesting(program.getValue());
            if (tests != null) {
                out.append(Fmt.wrap("  Many tests: ", "              ", tests, 100));
            }
        }
        return out.toString();
    }

    /** Programs by name; in each, the ALL row first, then the segments in report order. */
    static Map<String, List<LiftRow>> byProgram(List<LiftRow> rows, Comparator<String> segmentOrder) {
        Comparator<LiftRow> order = Comparator.comparing((LiftRow r) -> !r.all())
                .thenComparing(LiftRow::segment, segmentOrder);
        return rows.stream().collect(Collectors.groupingBy(LiftRow::program, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), list -> list.stream().sorted(order).toList())));
    }

    /** {@code +6.8 [+3.1, +10.5]}. */
    static String lift(LiftRow r) {
        if (r.lift() == null) {
            return Fmt.NONE;
        }
        return Fmt.points(r.lift()) + " [" + Fmt.points(r.ciLow()) + ", " + Fmt.points(r.ciHigh()) + "]";
    }

    /** {@code $700 +/- 550} (Welch's interval is symmetric); {@code $700 +/- ?} when an arm is too small for one. */
    static String revenueMargin(LiftRow r) {
        if (r.incrementalRevenue() == null) {
            return Fmt.NONE;
        }
        return Fmt.money(r.incrementalRevenue()) + " +/- " + (r.revenueCiHigh() == null ? "?"
                : Fmt.money(r.revenueCiHigh() - r.incrementalRevenue()).substring(1));
    }

    /** {@code $700 [$150, $1,250]}; the interval reads "no interval" when an arm is too small for one. */
    static String revenue(LiftRow r) {
        if (r.incrementalRevenue() == null) {
            return Fmt.NONE;
        }
        return Fmt.money(r.incrementalRevenue()) + (r.revenueCiLow() == null ? " [no interval]"
                : " [" + Fmt.money(r.revenueCiLow()) + ", " + Fmt.money(r.revenueCiHigh()) + "]");
    }

    /** {@code $20.00 [$9.23, no limit]}: an interval whose lift reaches 0 has no upper limit. */
    static String costPerRetained(LiftRow r) {
        if (r.costPerRetained() == null) {
            return Fmt.NONE;
        }
        return Fmt.cents(r.costPerRetained()) + " [" + (r.costPerRetainedCiLow() == null ? Fmt.NONE
                : Fmt.cents(r.costPerRetainedCiLow())) + ", " + (r.costPerRetainedCiHigh() == null ? "no limit"
                : Fmt.cents(r.costPerRetainedCiHigh())) + "]";
    }

    private static String rate(Double rate) {
        return rate == null ? Fmt.NONE : Fmt.dec1(100 * rate);
    }

    /**
     * The multiple-testing note of a program tested in two or more segments: which segments stay
     * significant at 5 % after the Benjamini-Hochberg adjustment and which were significant only
     * before it; null with fewer than two tested segments.
     */
    static String multipleTesting(List<LiftRow> rows) {
        List<LiftRow> tested = rows.stream().filter(r -> !r.all() && r.pValue() != null).toList();
        if (tested.size() < 2) {
            return null;
        }
        List<String> stay = tested.stream().filter(r -> r.pValueAdjusted() != null && r.pValueAdjusted() < 0.05)
                .map(LiftRow::segment).toList();
        List<String> lost = tested.stream().filter(r -> r.pValue() < 0.05
                        && (r.pValueAdjusted() == null || r.pValueAdjusted() >= 0.05))
                .map(r -> r.segment() + " (p " + Fmt.pValue(r.pValue()) + ", adjusted "
                        + Fmt.pValue(r.pValueAdjusted()) + ")").toList();
        String text = tested.size() + " segments tested at once, so some would look significant by chance;"
                + " after the Benjamini-Hochberg adjustment (p_value_adjusted in holdout_lift) "
                + (stay.isEmpty() ? "none stays significant at 5 %"
                        : String.join(", ", stay) + (stay.size() == 1 ? " stays" : " stay") + " significant at 5 %");
        return text + (lost.isEmpty() ? "." : "; significant only before it: " + String.join(", ", lost) + ".");
    }

    /**
     * The line of an 'assigned' program or row: customers entered its segments but no contact was
     * recorded, so no lift is claimed.
     */
    static String assigned(LiftRow r) {
        return r.program() + (r.all() ? "" : ", " + r.segment()) + ": assigned only - "
                + Fmt.count(r.treated() + r.holdout()) + " customers entered " + (r.all() ? "its segments" : "the segment")
                + " (" + Fmt.count(r.treated()) + " assigned to treatment, " + Fmt.count(r.holdout())
                + " to the holdout) but no contact was recorded (no treatments input, no audience export of their"
                + " segment within the horizon, no send to the transitions topic), so no lift is claimed.";
    }

    /**
     * Why the ALL row's treated customers differ from the sum of its segment rows, in numbers; null
     * for a program with no segment row.
     */
    static String reconciliation(List<LiftRow> rows) {
        LiftRow all = rows.get(0);
        List<LiftRow> segments = rows.stream().filter(r -> !r.all()).toList();
        if (!all.all() || segments.isEmpty()) {
            return null;
        }
        long sum = segments.stream().mapToLong(LiftRow::treated).sum();
        String first = "the ALL row counts each of its " + Fmt.count(all.treated()) + " treated customers once, at"
                + " their first entry into the program";
        if (sum == all.treated()) {
            return first + "; each entered one segment only, so " + (segments.size() == 1 ? "its segment row holds"
                    : "its " + segments.size() + " segment rows add up to") + " the same customers.";
        }
        return first + "; a segment row counts a customer in every segment they entered, so the " + segments.size()
                + " segment rows hold " + Fmt.count(sum) + " treated customers, " + Fmt.count(sum - all.treated())
                + " of them customers' entries into a second or later segment.";
    }

    /** The plain-language reading of a program's ALL row. */
    static String reading(LiftRow r) {
        if (r.treated() == 0 || r.holdout() == 0) {
            return "cannot be measured: no " + (r.treated() == 0 ? "treated" : "holdout")
                    + " customers whose horizon has ended.";
        }
        if (r.pValue() == null) {
            return "not testable: both arms retained " + Fmt.pct(r.treatedRate()) + " of their customers.";
        }
        String ci = "95 % CI " + Fmt.points(r.ciLow()) + " to " + Fmt.points(r.ciHigh()) + " pts";
        if (r.pValue() >= 0.05) {
            return Fmt.points(r.lift()) + " pts, not distinguishable from zero at 5 % (p " + Fmt.pValue(r.pValue())
                    + ", " + ci + "); a larger holdout or a longer run would tell.";
        }
        if (r.lift() < 0) {
            return Fmt.points(r.lift()) + " pts, significant at 5 % (p " + Fmt.pValue(r.pValue()) + ", " + ci
                    + "): treated customers were retained LESS than the holdout; review this program.";
        }
        return Fmt.points(r.lift()) + " pts, significant at 5 % (p " + Fmt.pValue(r.pValue()) + ", " + ci
                + "): about " + Fmt.count(Math.round(r.incrementalRetained())) + " more customers retained, "
                + Fmt.money(r.incrementalRevenue()) + " incremental revenue (" + revenueInterval(r) + "), "
                + Fmt.cents(r.costPerRetained()) + " per retained customer (" + costInterval(r) + ")"
                + (r.incentiveCost() == null ? "" : ", counting " + Fmt.money(r.contactCost()) + " of contacts and "
                        + Fmt.money(r.incentiveCost()) + " of incentives redeemed") + ".";
    }

    /** {@code 95 % CI $3,200 to $6,800}, or why there is none. */
    static String revenueInterval(LiftRow r) {
        return r.revenueCiLow() == null ? "no interval: an arm has fewer than 2 customers"
                : "95 % CI " + Fmt.money(r.revenueCiLow()) + " to " + Fmt.money(r.revenueCiHigh());
    }

    /** {@code 95 % CI $1.45 to $3.23}; {@code 95 % CI $1.45 or more} when the lift interval reaches 0. */
    static String costInterval(LiftRow r) {
        if (r.costPerRetainedCiLow() == null) {
            return "no interval";
        }
        return "95 % CI " + Fmt.cents(r.costPerRetainedCiLow()) + (r.costPerRetainedCiHigh() == null ? " or more"
                : " to " + Fmt.cents(r.costPerRetainedCiHigh()));
    }

    /** One segment row's cells, in the table's column order. */
    private static String[] cells(LiftRow r) {
        return new String[] {"  " + r.segment(), Fmt.count(r.treated()), Fmt.count(r.holdout()),
            rate(r.treatedRate()) + " / " + rate(r.holdoutRate()), lift(r), Fmt.pValue(r.pValue()),
            revenueMargin(r), Fmt.cents(r.costPerRetained())};
    }

    private static String line(int[] widths, String... cells) {
        // the first column keeps its width: a long segment name is cut (Fmt.left), not widened
        StringBuilder out = new StringBuilder(Fmt.left(cells[0], WIDTHS[0]));
        for (int i = 1; i < cells.length; i++) {
            out.append("  ").append(Fmt.right(cells[i], widths[i]));
        }
        return out.toString().stripTrailing() + "\n";
    }
}
