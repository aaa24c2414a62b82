package org.retentionsegments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number and text formatting of the report: '-' for a missing value, thousands separators. */
final class Fmt {

    static final String NONE = "-";

    /** A space {@link #wrap} never breaks at ({@code 12 %}, {@code 30 d}); {@link #spaces} turns it into a space. */
    static final char NBSP = '\u00A0';

    private Fmt() {}

    /** {@code 12,345}. */
    static String count(Number n) {
        return n == null ? NONE : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** {@code 1 customer}, {@code 1,234 customers}. */
    static String customers(long n) {
        return count(n) + (n == 1 ? " customer" : " customers");
    }

    /** A share 0..1 as {@code 12.3 %}. */
    static String pct(Double share) {
        return share == null || share.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f\u00A0%%", 100 * share);
    }

    /** A share 0..1 as whole percent, {@code 45 %}. */
    static String pct0(Double share) {
        return share == null || share.isNaN() ? NONE : String.format(Locale.ROOT, "%.0f\u00A0%%", 100 * share);
    }

    /** Money rounded to whole units, {@code $12,345} or {@code -$80}. */
    static String money(Double amount) {
        if (amount == null || amount.isNaN()) {
            return NONE;
        }
        String digits = String.format(Locale.ROOT, "$%,.0f", Math.abs(amount));
        return Math.round(amount) < 0 ? "-" + digits : digits;
    }

    /** Money with cents, {@code $1,234.50}. */
    static String cents(Double amount) {
        if (amount == null || amount.isNaN()) {
            return NONE;
        }
        String digits = String.format(Locale.ROOT, "$%,.2f", Math.abs(amount));
        return amount < -0.005 ? "-" + digits : digits;
    }

    /** A difference of two shares in percentage points with a sign, {@code +6.8} or {@code -1.0}. */
    static String points(Double difference) {
        return difference == null || difference.isNaN() ? NONE
                : String.format(Locale.ROOT, "%+.1f", 100 * difference);
    }

    /** A p-value: {@code <0.001} or three decimals. */
    static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return NONE;
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** One decimal, {@code 6.1}. */
    static String dec1(Double value) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A plain number without trailing zeros: 20, 2.5. */
    static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** {@code cost_per_retained_customer} as {@code cost per retained customer}. */
    static String words(String identifier) {
        return identifier.replace('_', ' ');
    }

    /** The text with every {@link #NBSP} a plain space. */
    static String spaces(String text) {
        return text.replace(NBSP, ' ');
    }

    /** Left-aligned in {@code width} columns, cut with '~' when longer. */
    static String left(String text, int width) {
        String t = text.length() > width ? text.substring(0, width - 1) + "~" : text;
        return t + " ".repeat(width - t.length());
    }

    /** Right-aligned in {@code width} columns. */
    static String right(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /**
     * Word-wraps {@code text} to {@code width} columns; the first line starts with {@code first},
     * the following ones with {@code indent}. Ends with a newline.
     */
    static String wrap(String first, String indent, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.strip().split(" +")) {
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines) + "\n";
    }
}
