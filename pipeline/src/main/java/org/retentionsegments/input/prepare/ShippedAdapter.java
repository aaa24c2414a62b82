package org.retentionsegments.input.prepare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.retentionsegments.input.Fields;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.Values;

/**
 * The shipped adapters ({@code --source-sql cdnow | online_retail}) in Java, for the file
 * preparation: each maps one line of its layout onto the orders contract exactly as its
 * {@code sql/adapters/NAME/orders_fields.sql} does (the Flink SQL batch stage and the continuous
 * job run that file; {@code PreparationMatchesFlinkSqlITCase} keeps the two equal).
 */
public enum ShippedAdapter {

    /** {@code sql/adapters/cdnow}: white-space separated customer, yyyyMMdd date, CDs, dollars. */
    CDNOW {
        @Override
        Mapped map(String line) {
            if (Texts.trimSpaces(line).isEmpty() || line.contains("customer_id")) {
                return null;
            }
            String[] f = Fields.whitespace(line);
            String error = f.length == 4 ? null : "expected 4 white-space separated fields, found " + f.length;
            String customer = at(f, 1);
            String date = at(f, 2);
            String orderId = customer == null || date == null ? null : customer + "-" + date;
            String ts = date != null && date.codePointCount(0, date.length()) == 8 && date.length() == 8
                    ? date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8)
                    : date;
            return new Mapped(error, new String[] {orderId, customer, ts, at(f, 4), null, null, null, null});
        }
    },

    /** {@code sql/adapters/online_retail}: the "Online Retail" (and II) export, CSV with a header. */
    ONLINE_RETAIL {
        @Override
        Mapped map(String line) {
            if (Texts.trimSpaces(line).isEmpty()) {
                return null;
            }
            String[] f = Fields.csv(line);
            if (f != null && f.length >= 4 && f[3] != null && f[3].toLowerCase(Locale.ROOT).equals("quantity")) {
                return null; // the header line
            }
            String error = f == null ? "unterminated quote in CSV line"
                    : f.length != 8 ? "expected 8 columns, found " + f.length : null;
            if (f == null) {
                return new Mapped(error, new String[8]);
            }
            String customer = at(f, 7);
            Double quantity = Values.number(at(f, 4));
            Double unitPrice = Values.number(at(f, 6));
            String amount = quantity == null || unitPrice == null
                    ? orEmpty(at(f, 4)) + "*" + orEmpty(at(f, 6))
                    : decimal4(quantity * unitPrice);
            return new Mapped(error, new String[] {at(f, 1),
                    withoutTrailingZeros(customer),
                    Values.isoFromSpreadsheet(at(f, 5)), amount, null, null, null, null});
        }
    };

    /**
     * {@code REGEXP_REPLACE(id, '\\.0+$', '')}: a spreadsheet's "17850.0" as 17850. The pattern
     * decides only for text ending in a line terminator, where {@code $} also matches before it.
     */
    static String withoutTrailingZeros(String id) {
        int n = id == null ? 0 : id.length();
        if (n == 0) {
            return id;
        }
        char last = id.charAt(n - 1);
        if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
            return Holder.TRAILING_ZEROS.matcher(id).replaceAll("");
        }
        int i = n;
        while (i > 0 && id.charAt(i - 1) == '0') {
            i--;
        }
        return i < n && i > 0 && id.charAt(i - 1) == '.' ? id.substring(0, i - 1) : id;
    }

    private static final class Holder {
        static final Pattern TRAILING_ZEROS = Pattern.compile("\\.0+$");
    }

    /** A line mapped onto the contract: the orders columns as text and why the line is not a record, or null. */
    record Mapped(String parseError, String[] fields) {}

    /** The contract's columns of one line; null when the line is not a record (blank, or a header). */
    abstract Mapped map(String line);

    /** The input this adapter reads. */
    public InputKind kind() {
        return InputKind.ORDERS;
    }

    /** The shipped adapter of this name ({@code cdnow}, {@code online_retail}), or null. */
    public static ShippedAdapter named(String name) {
        for (ShippedAdapter adapter : values()) {
            if (adapter.name().toLowerCase(Locale.ROOT).equals(name)) {
                return adapter;
            }
        }
        return null;
    }

    /** The SQL's 1-based array access: null beyond the end. */
    private static String at(String[] f, int position) {
        return position <= f.length ? f[position - 1] : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * {@code CAST(CAST(x AS DECIMAL(18, 4)) AS STRING)}: rounded half up at 4 decimals, null when
     * it does not fit 18 digits (or is not finite).
     */
    static String decimal4(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
        return decimal.precision() > 18 ? null : decimal.toPlainString();
    }
}
