package org.retentionsegments.cli;

import static org.retentionsegments.report.JsonLine.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retentionsegments.core.config.SegmentContract;
import org.retentionsegments.core.segment.ConfigCheckReport;
import org.retentionsegments.core.segment.ContractResult;
import org.retentionsegments.core.segment.TierCheckReport;
import org.retentionsegments.report.JsonLine;
import org.retentionsegments.warehouse.ContractQueries;

/**
 * {@code config check --json}: the verdict as one JSON object on one line. {@code valid} is true
 * exactly when the command exits 0; {@code problems} lists what makes it false, each with a
 * {@code kind}, the {@code file} and {@code line} when known (null otherwise), the {@code segment}
 * concerned when there is one, and the {@code message} the text output gives; {@code warnings}
 * holds what does not fail the check (the tiers' notes).
 */
final class ConfigCheckJson {

    /** Problem kinds. */
    static final String INVALID = "invalid";
    static final String UNREACHABLE = "unreachable";
    static final String MONOTONICITY = "monotonicity";
    static final String UNREACHABLE_AT_REFRESH = "unreachable_at_refresh";
    static final String CONTRACT_FAILS = "contract_fails";

    /** A ConfigException's message: {@code FILE: line N: PLACE: problem} or {@code FILE: problem}. */
    private static final Pattern PLACE = Pattern.compile("^(\\S+?\\.(?:ya?ml|json)): (?:line (\\d+): )?.*", Pattern.DOTALL);

    private ConfigCheckJson() {}

    /** Whether the configuration passed, and the object that says so. */
    record Verdict(boolean valid, String json) {}

    /** A configuration that does not load: one problem, at the file and line the message names. */
    static String invalid(String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", false);
        out.put("config", null);
        out.put("problems", List.of(problem(INVALID, message, null)));
        out.put("warnings", List.of());
        return JsonLine.of(out, "the check");
    }

    /** The verdict of a configuration that loads; {@code checked} and {@code tiers} are null without a warehouse. */
    static Verdict of(String sources, ConfigCheckReport report, List<SegmentContract> contracts,
            ContractQueries.Checked checked, TierCheckReport tiers) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (String segment : report.unreachable()) {
            problems.add(problem(UNREACHABLE, "segment '" + segment + "' is unreachable: no R x F x M cell, lifecycle"
                    + " stage or flag combination lands in it", segment, "segments.yaml"));
        }
        for (ConfigCheckReport.Violation v : report.violations()) {
            problems.add(problem(MONOTONICITY, v.describe(), null, "segments.yaml"));
        }
        if (tiers != null) {
            for (String segment : tiers.unreachable()) {
                problems.add(problem(UNREACHABLE_AT_REFRESH, "at the refresh as of " + tiers.asOf() + " no customer"
                        + " can reach '" + segment + "': every rule of it needs a tier no customer had", segment,
                        "segments.yaml"));
            }
        }
        List<Map<String, Object>> contractRows = new ArrayList<>();
        if (checked != null) {
            for (ContractResult r : checked.results()) {
                contractRows.add(map("segment", r.contract().segment(), "passed", r.passed(), "customers",
                        r.customers(), "meeting", r.meeting(), "line", r.line()));
                if (!r.passed()) {
                    problems.add(problem(CONTRACT_FAILS, r.line(), r.contract().segment(), "segments.yaml"));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", problems.isEmpty());
        out.put("config", sources);
        out.put("problems", problems);
        out.put("warnings", tiers == null ? List.of() : tiers.notes());
        out.put("segments", report.segments());
        out.put("cells_per_segment", report.cellsPerSegment());
        out.put("prospect_segment", report.prospectSegment());
        out.put("contracts_checked_as_of", checked == null ? null : String.valueOf(checked.asOf()));
        out.put("contracts_defined", contracts.size());
        out.put("contracts", contractRows);
        out.put("tiers_as_of", tiers == null ? null : String.valueOf(tiers.asOf()));
        return new Verdict(problems.isEmpty(), JsonLine.of(out, "the check"));
    }

    private static Map<String, Object> problem(String kind, String message, String segment, String file) {
        return map("kind", kind, "file", file, "line", null, "segment", segment, "message", message);
    }

    /** A problem whose file and line come from the message, when it names them. */
    private static Map<String, Object> problem(String kind, String message, String segment) {
        Matcher m = PLACE.matcher(message);
        boolean placed = m.matches();
        return map("kind", kind, "file", placed ? m.group(1) : null,
                "line", placed && m.group(2) != null ? Integer.valueOf(m.group(2)) : null, "segment", segment,
                "message", message);
    }


}
