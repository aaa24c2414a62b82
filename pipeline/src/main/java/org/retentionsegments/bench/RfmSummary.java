package org.retentionsegments.bench;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What each side of the benchmark computed, reduced to one line that {@code bench/run.sh} reads:
 * customers with orders, orders in the window, monetary, a checksum of the scores (null where the
 * side scores differently), and the seconds the side took inside its JVM.
 */
record RfmSummary(String side, long customers, long ordersInWindow, BigDecimal monetary, BigDecimal checksum,
        double seconds) {

    /** {@code result side=... customers=... orders_in_window=... monetary=... checksum=... seconds=...} */
    String line() {
        return String.format(Locale.ROOT, "result side=%s customers=%d orders_in_window=%d monetary=%s checksum=%s"
                + " seconds=%.2f", side, customers, ordersInWindow, plain(monetary), plain(checksum), seconds);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
