package org.retentionsegments.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.ConfigException;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;

/**
 * What {@code run} and {@code demo} do before they start: the configuration must load, and a rule
 * set that {@code config check} fails (unreachable segments, monotonicity violations) refuses to
 * run unless {@code --allow-config-findings} is given, with which a warning line is printed.
 */
final class ConfigGate {

    static final String FLAG = "--allow-config-findings";

    private ConfigGate() {}

    /** Loads and checks the configuration of {@code dir} (null: the built-in one). */
    static void check(Path dir, boolean allowFindings, PrintStream err) {
        ConfigBundle bundle = dir == null ? ConfigBundle.loadDefault() : ConfigBundle.load(dir);
        ConfigCheckReport report = ConfigCheck.failures(bundle);
        if (!report.hasErrors()) {
            return;
        }
        String findings = summary(report);
        String check = "./segments config check" + (dir == null ? "" : " --config " + dir);
        if (!allowFindings) {
            throw new ConfigException("the segment rules have findings (" + findings + "): see " + check
                    + ", fix segments.yaml, or pass " + FLAG + " to run anyway");
        }
        err.println("warning: running with segment rules that " + check.substring(2) + " fails (" + findings
                + "), as " + FLAG + " asks");
    }

    /** The findings in a few words: the unreachable segments and the first violation. */
    static String summary(ConfigCheckReport report) {
        List<String> parts = new ArrayList<>();
        if (!report.unreachable().isEmpty()) {
            parts.add("unreachable: " + String.join(", ", report.unreachable()));
        }
        if (!report.violations().isEmpty()) {
            parts.add(report.violations().size() + " monotonicity violation"
                    + (report.violations().size() == 1 ? "" : "s") + ", e.g. " + report.violations().get(0).describe());
        }
        return String.join("; ", parts);
    }
}
