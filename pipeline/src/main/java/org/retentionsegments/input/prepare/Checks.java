package org.retentionsegments.input.prepare;

import java.time.LocalDateTime;
import org.retentionsegments.input.TextChecks;
import org.retentionsegments.input.Values;

/**
 * The reasons the {@code *_checked} views of {@code sql/flink/features} give, in their order, for
 * one record's canonical columns (null = accepted). The parsed values come back in the arrays
 * passed in, so that each field is parsed once.
 */
final class Checks {

    private final Rules rules;
    private final double limit;
    private final LocalDateTime earliest;
    private final String range;

    Checks(Rules rules) {
        this.rules = rules;
        this.limit = rules.limit();
        this.earliest = rules.earliestTime();
        this.range = " is beyond the accepted range (less than " + rules.amountLimit() + " either way): ";
    }

    LocalDateTime timestamp(String text) {
        return Values.timestampUtc(text, rules.zone());
    }

    /** The reason for a timestamp outside the accepted times, or null; {@code ts} is the parsed {@code text}. */
    private String outOfRange(String column, LocalDateTime ts, String text) {
        if (ts.isBefore(earliest)) {
            return column + " is before the earliest accepted date " + rules.earliest() + ": " + text;
        }
        if (ts.isAfter(rules.futureCutoff())) {
            return column + " is in the future (beyond " + rules.cutoffText() + " UTC): " + text;
        }
        return null;
    }

    private static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * {@code orders_checked}: f = order_id, customer_id, order_ts, amount, line_no, category,
     * channel, discount; parsed gets ts, amount, line_no, discount.
     */
    String order(String parseError, String[] f, Object[] parsed) {
        LocalDateTime ts = timestamp(f[2]);
        Double amount = Values.number(f[3]);
        Long lineNo = Values.integer(f[4]);
        Double discount = Values.number(f[7]);
        parsed[0] = ts;
        parsed[1] = amount;
        parsed[2] = lineNo;
        parsed[3] = discount;
        if (parseError != null) {
            return parseError;
        }
        if (f[1] == null) {
            return "missing customer_id";
        }
        if (f[0] == null) {
            return "missing order_id";
        }
        String text = first(TextChecks.idProblem("order_id", f[0]), TextChecks.idProblem("customer_id", f[1]),
                TextChecks.textProblem("category", f[5]), TextChecks.textProblem("channel", f[6]));
        if (text != null) {
            return text;
        }
        if (ts == null) {
            return "order_ts is not a valid ISO-8601 timestamp: " + (f[2] == null ? "(empty)" : f[2]);
        }
        String range = outOfRange("order_ts", ts, f[2]);
        if (range != null) {
            return range;
        }
        if (amount == null) {
            return "amount is not a finite number: " + (f[3] == null ? "(empty)" : f[3]);
        }
        if (Math.abs(amount) >= limit) {
            return "amount" + this.range + f[3];
        }
        if (f[4] != null && lineNo == null) {
            return "line_no is not an integer: " + f[4];
        }
        if (f[7] != null && discount == null) {
            return "discount is not a finite number: " + f[7];
        }
        if (discount != null && Math.abs(discount) >= limit) {
            return "discount" + this.range + f[7];
        }
        return null;
    }

    /** {@code engagement_checked}: f = customer_id, event_ts, event_type, channel, event_id. */
    String engagement(String parseError, String[] f, Object[] parsed) {
        LocalDateTime ts = timestamp(f[1]);
        parsed[0] = ts;
        if (parseError != null) {
            return parseError;
        }
        if (f[0] == null) {
            return "missing customer_id";
        }
        if (f[2] == null) {
            return "missing event_type";
        }
        String text = first(TextChecks.idProblem("customer_id", f[0]), TextChecks.idProblem("event_id", f[4]),
                TextChecks.textProblem("event_type", f[2]), TextChecks.textProblem("channel", f[3]));
        if (text != null) {
            return text;
        }
        if (ts == null) {
            return "event_ts is not a valid ISO-8601 timestamp: " + (f[1] == null ? "(empty)" : f[1]);
        }
        return outOfRange("event_ts", ts, f[1]);
    }

    /** {@code treatments_checked}: f = program_id, customer_id, treated_ts, arm, channel, cost. */
    String treatment(String parseError, String[] f, Object[] parsed) {
        LocalDateTime ts = timestamp(f[2]);
        Double cost = Values.number(f[5]);
        parsed[0] = ts;
        parsed[1] = cost;
        if (parseError != null) {
            return parseError;
        }
        if (f[1] == null) {
            return "missing customer_id";
        }
        if (f[0] == null) {
            return "missing program_id";
        }
        String text = first(TextChecks.idProblem("program_id", f[0]), TextChecks.idProblem("customer_id", f[1]),
                TextChecks.textProblem("channel", f[4]));
        if (text != null) {
            return text;
        }
        if (ts == null) {
            return "treated_ts is not a valid ISO-8601 timestamp: " + (f[2] == null ? "(empty)" : f[2]);
        }
        String range = outOfRange("treated_ts", ts, f[2]);
        if (range != null) {
            return range;
        }
        String arm = Texts.lowerTrim(f[3]);
        if (arm == null || !(arm.equals("treatment") || arm.equals("holdout"))) {
            return "arm must be treatment or holdout: " + (f[3] == null ? "(empty)" : f[3]);
        }
        if (f[5] != null && cost == null) {
            return "cost is not a finite number: " + f[5];
        }
        if (cost != null && Math.abs(cost) >= limit) {
            return "cost" + this.range + f[5];
        }
        return null;
    }

    /**
     * {@code customers_checked}: f = customer_id, signup_ts, email_consent, country, email, phone.
     * The email and phone are never a reason: one that is not an address or a number is absent
     * ({@link org.retentionsegments.core.Contacts}).
     */
    String customer(String parseError, String[] f, Object[] parsed) {
        LocalDateTime ts = timestamp(f[1]);
        Boolean consent = Values.bool(f[2]);
        parsed[0] = ts;
        parsed[1] = consent;
        if (parseError != null) {
            return parseError;
        }
        if (f[0] == null) {
            return "missing customer_id";
        }
        String text = first(TextChecks.idProblem("customer_id", f[0]), TextChecks.textProblem("country", f[3]));
        if (text != null) {
            return text;
        }
        if (f[1] != null && ts == null) {
            return "signup_ts is not a valid ISO-8601 timestamp: " + f[1];
        }
        if (ts != null) {
            String range = outOfRange("signup_ts", ts, f[1]);
            if (range != null) {
                return range;
            }
        }
        if (f[2] != null && consent == null) {
            return "email_consent is not a boolean: " + f[2];
        }
        return null;
    }
}
