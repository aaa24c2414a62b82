package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.Incentive;
import org.retentionsegments.core.config.Strategy;
import org.retentionsegments.report.ReportData.SegmentRow;

/** The lines of one segment's entry, without their labels; shared by the text and HTML reports. */
final class SegmentText {

    private SegmentText() {}

    /** {@code priority 1, high-touch}, {@code priority 12, suppressed}, or why there is none. */
    static String tag(ReportSegment s) {
        if (s.strategy() == null) {
            return "not in segments.yaml: customers kept from an earlier configuration";
        }
        Strategy st = s.strategy();
        return "priority " + st.priority() + (st.highTouch() ? ", high-touch" : "") + (st.suppress() ? ", suppressed" : "");
    }

    static String size(ReportSegment s) {
        SegmentRow f = s.figures();
        if (f == null) {
            return "0 customers";
        }
        return Fmt.customers(f.customers()) + " / " + Fmt.pct(f.customerShare()) + " of customers / "
                + Fmt.pct(f.revenueShare()) + " of revenue (" + Fmt.money(f.revenue()) + ") / revenue at risk "
                + Fmt.money(f.revenueAtRisk());
    }

    static String criteria(ReportSegment s, ConfigBundle config) {
        return criteria(s, config, null);
    }

    /** The criteria, with score ranges also in days, orders and money at the refresh ({@code units}). */
    static String criteria(ReportSegment s, ConfigBundle config, ScoreUnits units) {
        return s.definition() == null ? Fmt.NONE : CriteriaText.of(s.definition(), config, units);
    }

    /** The profile from segments.yaml, then what the warehouse measured. */
    static String profile(ReportSegment s, int windowDays) {
        String written = s.definition() == null || s.definition().profile().isBlank()
                ? "" : s.definition().profile().strip();
        SegmentRow f = s.figures();
        if (f == null) {
            return written.isEmpty() ? Fmt.NONE : written;
        }
        String measured = measured(f, windowDays);
        return written.isEmpty() ? "measured: " + measured : stripDot(written) + "; measured: " + measured;
    }

    static String measured(SegmentRow f, int windowDays) {
        List<String> parts = new ArrayList<>();
        parts.add("avg recency " + (f.avgRecencyDays() == null ? Fmt.NONE : Fmt.count(Math.round(f.avgRecencyDays())) + Fmt.NBSP + "d")
                + ", " + Fmt.dec1(f.avgFrequency()) + " orders and " + Fmt.money(f.avgMonetary())
                + " in the " + windowDays + "-day window");
        if (f.avgLifetimeOrders() != null && f.avgLifetimeOrders() > 0) {
            parts.add("lifetime avg " + Fmt.dec1(f.avgLifetimeOrders()) + " orders and "
                    + Fmt.money(f.avgLifetimeRevenue()) + " (window peak " + Fmt.money(f.avgPeakWindowValue()) + ")"
                    + (f.topLifetimeCustomers() == 0 ? ""
                            : ", " + Fmt.count(f.topLifetimeCustomers()) + " of them top lifetime spenders"));
        }
        if (f.topCategory() != null) {
            parts.add("top category " + f.topCategory() + " (" + Fmt.pct0(f.topCategoryShare()) + ")");
        }
        List<String> flags = new ArrayList<>();
        flag(flags, f.highReturnRateShare(), "high return rate");
        flag(flags, f.singleChannelShare(), "single channel");
        flag(flags, f.discountDependentShare(), "discount dependent");
        flag(flags, f.emailUnengagedShare(), "email unengaged");
        if (!flags.isEmpty()) {
            parts.add(String.join(", ", flags));
        }
        parts.add(Fmt.dec1(f.avgEngagement90d()) + " engagement events in 90 d");
        return String.join("; ", parts);
    }

    private static void flag(List<String> flags, Double share, String label) {
        if (share != null && share > 0) {
            flags.add(Fmt.pct0(share) + " " + label);
        }
    }

    static String needs(ReportSegment s) {
        if (s.definition() == null) {
            return Fmt.NONE;
        }
        String needs = s.definition().needs().isBlank() ? Fmt.NONE : stripDot(s.definition().needs());
        String drivers = s.definition().churnDrivers().isBlank() ? Fmt.NONE : stripDot(s.definition().churnDrivers());
        return needs + " / Churn drivers: " + drivers;
    }

    /** Objective, message, channel and cadence, incentive, holdout. */
    static String strategy(ReportSegment s) {
        Strategy st = s.strategy();
        if (st == null) {
            return Fmt.NONE;
        }
        String contact = st.channel().equalsIgnoreCase("none") ? "no contact" : "via " + st.channel() + ", " + st.cadence();
        return stripDot(st.objective()) + ". \"" + st.message().strip() + "\" " + contact + "; " + incentive(st) + "; "
                + holdout(st);
    }

    static String incentive(Strategy st) {
        Incentive i = st.incentive();
        if (st.suppress()) {
            return "no paid incentive (suppressed)";
        }
        if (i.type().equals("none")) {
            return "no incentive";
        }
        String type = Fmt.words(i.type());
        String depth = i.depthPct() > 0 ? " " + Fmt.plain(i.depthPct()) + Fmt.NBSP + "%" : "";
        String cap = i.cap() > 0 ? " (cap " + Fmt.money(i.cap()) + ")" : i.paid() ? "" : " (no cost)";
        return "incentive " + type + depth + cap;
    }

    private static String holdout(Strategy st) {
        if (!st.alwaysOn()) {
            return "no always-on program";
        }
        return "holdout " + Fmt.plain(Math.round(st.holdoutShare() * 1000) / 10.0) + Fmt.NBSP + "% of " + st.programId();
    }

    static String kpis(ReportSegment s) {
        return s.strategy() == null ? Fmt.NONE
                : s.strategy().kpis().stream().map(Fmt::words).collect(Collectors.joining(", "));
    }

    private static String stripDot(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
