package org.retentionsegments.core.segment;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.retentionsegments.core.segment.ConfigCheckReport.CellDifference;
import org.retentionsegments.core.segment.ConfigCheckReport.Overlap;

/** Renders a {@link ConfigCheckReport} as plain text for the terminal. */
final class ConfigCheckText {

    private static final int MAX_LISTED = 20;

    private ConfigCheckText() {}

    static String render(ConfigCheckReport report) {
        Map<String, String> codes = codes(report.segments());
        StringBuilder out = new StringBuilder();
        out.append("CONFIG CHECK\n============\n");
        out.append("Configuration: ").append(report.sources()).append('\n');
        out.append("Segments: ").append(report.segments().size()).append(" rules, first match wins; '")
                .append(report.segments().get(report.segments().size() - 1))
                .append("' is the catch-all\n\n");
        if (!report.clusterSegments().isEmpty()) {
            out.append("SEGMENT BY CLUSTER (segmentation: clusters; an active customer with an order, no flags):\n");
            report.clusterSegments().forEach((cluster, segment) -> out.append(String.format(Locale.ROOT,
                    "  %-10s -> %s%n", cluster, segment)));
            out.append("The grid below is for a customer without a cluster, which clusters mode does not have.\n\n");
        }
        out.append("SEGMENT GRID (active customer, no flags): rows R5..R1, columns F1..F5\n");
        for (int m = 5; m >= 1; m--) {
            out.append(String.format(Locale.ROOT, "%nM=%d%s%n      F1   F2   F3   F4   F5%n", m,
                    m == 5 ? " (highest spend)" : m == 1 ? " (lowest spend)" : ""));
            for (int r = 5; r >= 1; r--) {
                StringBuilder row = new StringBuilder("R").append(r).append("   ");
                for (int f = 1; f <= 5; f++) {
                    row.append(String.format(Locale.ROOT, " %-4s",
                            codes.get(report.segmentAt(r, f, m))));
                }
                out.append(row.toString().stripTrailing()).append('\n');
            }
        }
        out.append("\nLegend (cells of 125):\n");
        report.cellsPerSegment().forEach((name, cells) -> out.append(String.format(
                Locale.ROOT, "  %-4s %-22s %3d%n", codes.get(name), name, cells)));
        out.append("\nProspects (no scores): ").append(report.prospectSegment()).append('\n');

        out.append("\nBY LIFECYCLE STAGE (differences from the active grid, no flags): ");
        List<CellDifference> diffs = report.lifecycleDifferences();
        out.append(diffs.isEmpty() ? "none\n" : diffs.size() + " cells\n");
        diffs.stream().limit(MAX_LISTED).forEach(d -> out.append("  ").append(d.stage().label())
                .append(" cell ").append(d.rfm()).append(": ").append(d.segment())
                .append(" (active: ").append(d.base()).append(")\n"));
        more(out, diffs.size());

        out.append("BY FLAG (grid cells that change when the flag alone is set): ");
        boolean anyFlag = report.flagDifferences().values().stream().anyMatch(n -> n > 0);
        out.append(anyFlag ? "\n" : "none\n");
        if (anyFlag) {
            report.flagDifferences().forEach((flag, n) -> out.append("  ").append(flag)
                    .append(": ").append(n).append('\n'));
        }

        out.append("\nUNREACHABLE SEGMENTS: ").append(report.unreachable().isEmpty()
                ? "none" : String.join(", ", report.unreachable())).append('\n');
        out.append("MONOTONICITY VIOLATIONS: ").append(report.violations().isEmpty()
                ? "none\n" : report.violations().size() + "\n");
        report.violations().stream().limit(MAX_LISTED)
                .forEach(v -> out.append("  ").append(v.describe()).append('\n'));
        more(out, report.violations().size());
        out.append("OVERLAPPING RULES (the earlier rule wins): ")
                .append(report.overlaps().isEmpty() ? "none\n" : "\n");
        for (Overlap o : report.overlaps()) {
            out.append("  '").append(o.first()).append("' and '").append(o.second())
                    .append("' both match ").append(o.inputs()).append(" inputs, e.g. ")
                    .append(o.example()).append('\n');
        }
        out.append("\nRESULT: ").append(report.hasErrors()
                ? "FAILED (" + (report.unreachable().size() + report.violations().size())
                        + " errors)"
                : "OK").append('\n');
        return out.toString();
    }

    private static void more(StringBuilder out, int size) {
        if (size > MAX_LISTED) {
            out.append("  ... and ").append(size - MAX_LISTED).append(" more\n");
        }
    }

    /** Short unique codes: initials of multi-word names, else the first four letters. */
    static Map<String, String> codes(List<String> names) {
        Map<String, String> codes = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String name : names) {
            String[] words = name.trim().split("\\s+");
            StringBuilder code = new StringBuilder();
            if (words.length > 1) {
                for (String word : words) {
                    if (code.length() < 4 && !word.isEmpty()) {
                        code.append(word.charAt(0));
                    }
                }
            } else {
                code.append(name, 0, Math.min(4, name.length()));
            }
            String candidate = code.toString().toUpperCase(Locale.ROOT);
            for (int i = 2; !used.add(candidate); i++) {
                candidate = candidate.substring(0, Math.min(3, candidate.length())) + i;
            }
            codes.put(name, candidate);
        }
        return codes;
    }

}
