package org.retentionsegments.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;

/**
 * {@code lead_scoring.yaml} (seed 001): a points model over engagement and profile signals that
 * gives the customers it scores (prospects by default) a lead score of 0-100 and a class, cold,
 * warm, hot or sales-ready, at every refresh.
 *
 * <p>The score is the sum of the points of every signal that applies, rounded to a whole number
 * and kept within 0-100. Engagement counts decay with age: an event {@code age} days old counts
 * {@code 0.5^(age / halfLifeDays)}, and events older than 90 days do not count.
 *
 * @param scope which customers get a score
 * @param halfLifeDays the half-life of engagement in days
 * @param signals the signals, positive and negative, in file order
 * @param warm the lowest score of a warm lead (below it: cold)
 * @param hot the lowest score of a hot lead
 * @param salesReady the lowest score of a sales-ready lead
 */
public record LeadScoring(Scope scope, double halfLifeDays, List<Signal> signals, int warm, int hot,
        int salesReady) {

    public static final String FILE = "lead_scoring.yaml";

    /** Which customers are scored. */
    public enum Scope {
        /** Customers who never ordered. */
        PROSPECTS,
        /** Every customer. */
        ALL
    }

    /** The classes, coldest first. */
    public enum LeadClass {
        COLD, WARM, HOT, SALES_READY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a signal looks at. */
    public enum Kind {
        /** {@code points_each} per decayed event of a type, at most {@code max_points} in size. */
        EVENT_EACH,
        /** {@code points} once the decayed count of a type reaches {@code min_events}. */
        EVENT_MIN,
        /** The latest email consent of the customers input is given. */
        EMAIL_CONSENT,
        /** Signed up at most {@code days} days before the refresh. */
        SIGNED_UP_WITHIN,
        /** An unsubscribe event was ever seen. */
        UNSUBSCRIBED,
        /** No engagement and no order for at least {@code days} days (or never any). */
        INACTIVE,
        /** The country of the customers input is one of {@code countries} (any case). */
        COUNTRY
    }

    /**
     * One signal.
     *
     * @param event the engagement type of the event kinds, null otherwise
     * @param points points per event ({@link Kind#EVENT_EACH}) or once
     * @param limit the largest size of the points of an {@link Kind#EVENT_EACH} signal;
     *     {@link Double#POSITIVE_INFINITY} when unbounded
     * @param threshold min_events ({@link Kind#EVENT_MIN}) or days (signed up within, inactive)
     * @param countries the countries of a {@link Kind#COUNTRY} signal, upper case; empty otherwise
     */
    public record Signal(String name, String category, Kind kind, EngagementType event, double points,
            double limit, double threshold, List<String> countries) {

        public Signal(String name, String category, Kind kind, EngagementType event, double points,
                double limit, double threshold) {
            this(name, category, kind, event, points, limit, threshold, List.of());
        }

        /** The signal's points for one customer at refresh day {@code day}. */
        double points(CustomerFacts f, int day, double halfLifeDays) {
            return switch (kind) {
                case EVENT_EACH -> {
                    double raw = points * f.engagementDecayed(event, day, halfLifeDays);
                    yield Math.copySign(Math.min(Math.abs(raw), limit), raw);
                }
                case EVENT_MIN -> f.engagementDecayed(event, day, halfLifeDays) >= threshold - 1e-9 ? points : 0;
                case EMAIL_CONSENT -> f.emailConsent() == 1 ? points : 0;
                case SIGNED_UP_WITHIN -> f.signupDay() != CustomerFacts.NEVER && day - f.signupDay() <= threshold
                        ? points : 0;
                case UNSUBSCRIBED -> f.unsubscribed() ? points : 0;
                case INACTIVE -> {
                    int last = Math.max(f.lastEngagementDay(), f.lastOrderDay());
                    yield last == CustomerFacts.NEVER || day - last >= threshold ? points : 0;
                }
                case COUNTRY -> f.country() != null
                        && countries.contains(f.country().strip().toUpperCase(Locale.ROOT)) ? points : 0;
            };
        }

        /** How the report states what the signal counts, e.g. "email_open, 3+ in 90 days (decayed)". */
        public String rule() {
            return switch (kind) {
                case EVENT_EACH -> event.label() + ", per event" + (limit < Double.POSITIVE_INFINITY
                        ? " (at most " + YamlNode.fmt(Math.copySign(limit, points)) + ")" : "");
                case EVENT_MIN -> event.label() + ", " + YamlNode.fmt(threshold) + "+ events";
                case EMAIL_CONSENT -> "email consent given";
                case SIGNED_UP_WITHIN -> "signed up in the last " + YamlNode.fmt(threshold) + " days";
                case UNSUBSCRIBED -> "unsubscribed";
                case INACTIVE -> "no engagement or order for " + YamlNode.fmt(threshold) + "+ days";
                case COUNTRY -> "country " + String.join(", ", countries);
            };
        }

        /** The points as the report prints them: "+10", "-15", "+5 each". */
        public String pointsText() {
            String sign = points > 0 ? "+" : "";
            return sign + YamlNode.fmt(points) + (kind == Kind.EVENT_EACH ? " each" : "");
        }
    }

    /** A customer's score and class. */
    public record Lead(int score, LeadClass leadClass) {}

    /** Whether a customer gets a score: everyone, or only those who never ordered. */
    public boolean scores(CustomerFacts facts) {
        return scope == Scope.ALL || !facts.hasOrdered();
    }

    /** The customer's lead at refresh day {@code day}. */
    public Lead score(CustomerFacts facts, int day) {
        double total = 0;
        for (Signal s : signals) {
            total += s.points(facts, day, halfLifeDays);
        }
        int score = (int) Math.max(0, Math.min(100, Math.round(total)));
        return new Lead(score, classOf(score));
    }

    /** The scores of a class: {@code "31-50"}. */
    public String range(LeadClass c) {
        return switch (c) {
            case COLD -> "0-" + (warm - 1);
            case WARM -> warm + "-" + (hot - 1);
            case HOT -> hot + "-" + (salesReady - 1);
            case SALES_READY -> salesReady + "-100";
        };
    }

    /** One line on the whole model, for {@code config check}. */
    public String summary() {
        long negative = signals.stream().filter(s -> s.points() < 0).count();
        return signals.size() + " signals (" + negative + " negative) scoring "
                + (scope == Scope.ALL ? "every customer" : "prospects") + "; engagement half-life "
                + YamlNode.fmt(halfLifeDays) + " days; cold " + range(LeadClass.COLD) + ", warm "
                + range(LeadClass.WARM) + ", hot " + range(LeadClass.HOT) + ", sales-ready "
                + range(LeadClass.SALES_READY);
    }

    public LeadClass classOf(int score) {
        return score >= salesReady ? LeadClass.SALES_READY
                : score >= hot ? LeadClass.HOT
                : score >= warm ? LeadClass.WARM
                : LeadClass.COLD;
    }

    static LeadScoring parse(YamlNode root) {
        if (root.isEmpty()) {
            throw root.fail("the file is empty: write the signals under 'signals:', or delete the file to use"
                    + " the built-in lead scoring");
        }
        root.allowOnly("score", "decay", "signals", "thresholds");
        String scopeText = root.string("score", "prospects");
        Scope scope = switch (scopeText) {
            case "prospects" -> Scope.PROSPECTS;
            case "all" -> Scope.ALL;
            default -> throw root.failAt("score", "score must be 'prospects' (customers who never ordered) or"
                    + " 'all' (every customer), not '" + scopeText + "'");
        };
        YamlNode decay = root.child("decay").allowOnly("half_life_days");
        double halfLife = decay.number("half_life_days", 30, 1, 3650);
        if (!root.has("signals") || !root.raw("signals").isArray() || root.raw("signals").isEmpty()) {
            throw root.failAt("signals", "signals must be a list of at least one signal, e.g."
                    + " '- { name: Site visits, category: Behavioral, event: site_visit, points_each: 5, max_points: 20 }'");
        }
        List<Signal> signals = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < root.raw("signals").size(); i++) {
            YamlNode node = root.element("signals", i, "signal " + (i + 1));
            Signal signal = signal(node);
            if (!names.add(signal.name())) {
                throw node.at("signal '" + signal.name() + "'").failAt("name", "the name '" + signal.name() + "' is used by another signal; names"
                        + " must be unique");
            }
            signals.add(signal);
        }
        YamlNode thresholds = root.child("thresholds").allowOnly("warm", "hot", "sales_ready");
        int warm = thresholds.integer("warm", 31, 1, 100);
        int hot = thresholds.integer("hot", 51, 1, 100);
        int salesReady = thresholds.integer("sales_ready", 81, 1, 100);
        if (!(warm < hot && hot < salesReady)) {
            throw thresholds.fail("thresholds must rise: warm (" + warm + ") < hot (" + hot + ") < sales_ready ("
                    + salesReady + "); a score below warm is cold");
        }
        return new LeadScoring(scope, halfLife, List.copyOf(signals), warm, hot, salesReady);
    }

    private static final String[] KINDS = {
        "event", "email_consent", "signed_up_within_days", "unsubscribed", "inactive_days", "country"};

    private static Signal signal(YamlNode node) {
        node.allowOnly("name", "category", "event", "points", "points_each", "max_points", "min_events",
                "email_consent", "signed_up_within_days", "unsubscribed", "inactive_days", "country");
        String name = node.requiredString("name");
        YamlNode at = node.at("signal '" + name + "'");
        String category = at.string("category", "");
        List<String> given = new ArrayList<>();
        for (String kind : KINDS) {
            if (at.has(kind)) {
                given.add(kind);
            }
        }
        if (given.size() != 1) {
            throw at.fail("a signal needs exactly one of " + String.join(", ", KINDS)
                    + (given.isEmpty() ? "" : " (it has " + String.join(" and ", given) + ")"));
        }
        String kind = given.get(0);
        if (kind.equals("event")) {
            EngagementType type = eventType(at);
            if (at.has("points_each")) {
                if (at.has("points") || at.has("min_events")) {
                    throw at.failAt("points_each", "points_each counts every event: it does not go with points or"
                            + " min_events (use points with min_events for a one-off bonus)");
                }
                double each = points(at, "points_each");
                double limit = at.has("max_points") ? at.number("max_points", 0, 0.01, 100) : Double.POSITIVE_INFINITY;
                return new Signal(name, category, Kind.EVENT_EACH, type, each, limit, 0);
            }
            if (at.has("max_points")) {
                throw at.failAt("max_points", "max_points caps points_each; this signal has none");
            }
            double minEvents = at.number("min_events", 1, 0.01, 1_000_000);
            return new Signal(name, category, Kind.EVENT_MIN, type, points(at, "points"), 0, minEvents);
        }
        for (String key : new String[] {"points_each", "max_points", "min_events"}) {
            if (at.has(key)) {
                throw at.failAt(key, key + " belongs to event signals; this one is '" + kind + "'");
            }
        }
        double points = points(at, "points");
        return switch (kind) {
            case "email_consent" -> {
                requireTrue(at, kind);
                yield new Signal(name, category, Kind.EMAIL_CONSENT, null, points, 0, 0);
            }
            case "unsubscribed" -> {
                requireTrue(at, kind);
                yield new Signal(name, category, Kind.UNSUBSCRIBED, null, points, 0, 0);
            }
            case "country" -> {
                List<String> countries = at.strings("country").stream()
                        .map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).distinct().toList();
                if (countries.isEmpty()) {
                    throw at.failAt("country", "country needs at least one country, e.g. country: [GB, IE]");
                }
                yield new Signal(name, category, Kind.COUNTRY, null, points, 0, 0, countries);
            }
            case "signed_up_within_days" -> new Signal(name, category, Kind.SIGNED_UP_WITHIN, null, points, 0,
                    at.integer(kind, 30, 0, 100_000));
            default -> new Signal(name, category, Kind.INACTIVE, null, points, 0, at.integer(kind, 30, 1, 100_000));
        };
    }

    private static void requireTrue(YamlNode at, String key) {
        if (!at.bool(key, true)) {
            throw at.failAt(key, key + ": false scores nothing: write " + key + ": true, or remove the signal");
        }
    }

    private static double points(YamlNode at, String key) {
        if (!at.has(key)) {
            throw at.fail("needs " + key + " (the points it gives; negative for a negative signal)");
        }
        double value = at.number(key, 0, -100, 100);
        if (value == 0) {
            throw at.failAt(key, key + " is 0: the signal would change nothing");
        }
        return value;
    }

    private static EngagementType eventType(YamlNode at) {
        String text = at.string("event", "");
        List<String> known = new ArrayList<>();
        for (EngagementType t : EngagementType.values()) {
            if (t != EngagementType.OTHER) {
                known.add(t.label());
            }
        }
        EngagementType type = EngagementType.of(text);
        if (type == EngagementType.OTHER || !known.contains(text)) {
            throw at.failAt("event", "event '" + text + "' is not a known engagement type (one of: "
                    + String.join(", ", known) + "); other types are counted together and cannot be scored");
        }
        return type;
    }
}
