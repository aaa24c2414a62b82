package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retentionsegments.report.ReportData.LiftRow;

/** Number formatting and the plain-language reading of a lift. */
class StrategyReportFormatTest {

    @Test
    void numbersWithSeparatorsAndDashForMissing() {
        assertEquals("12,345", Fmt.count(12345L));
        assertEquals("6.2 %", Fmt.spaces(Fmt.pct(0.0624)));
        assertEquals("Label: one 12 %\n       three\n", Fmt.spaces(Fmt.wrap("Label: ", "       ", "one " + Fmt.pct0(0.12) + " three", 15)));
        assertEquals("$12,346", Fmt.money(12345.6));
        assertEquals("-$80", Fmt.money(-80.2));
        assertEquals("$1,234.50", Fmt.cents(1234.5));
        assertEquals("+6.8", Fmt.points(0.068));
        assertEquals("<0.001", Fmt.pValue(0.0002));
        assertEquals("0.102", Fmt.pValue(0.1024704));
        for (String missing : new String[] {Fmt.count(null), Fmt.pct(null), Fmt.money(null), Fmt.cents(null),
                Fmt.points(null), Fmt.pValue(null), Fmt.dec1(Double.NaN)}) {
            assertEquals("-", missing);
        }
    }

    @Test
    void wrapsAtTheWidthWithAHangingIndent() {
        assertEquals("Label: one two\n       three\n", Fmt.wrap("Label: ", "       ", "one two three", 15));
    }

    @Test
    void readingsSaySignificantOrNotDistinguishable() {
        LiftRow significant = new LiftRow("p", "ALL", 60, 1000, 1000, 0.3, 0.2, 0.1, 0.062, 0.138, 1e-6, 100.0,
                5000.0, 3200.0, 6800.0, 200.0, 2.0, 200.0 / 138, 200.0 / 62, null, "delivered");
        assertEquals("+10.0 pts, significant at 5 % (p <0.001, 95 % CI +6.2 to +13.8 pts): about 100 more customers"
                + " retained, $5,000 incremental revenue (95 % CI $3,200 to $6,800), $2.00 per retained customer"
                + " (95 % CI $1.45 to $3.23).", LiftText.reading(significant));
        LiftRow small = new LiftRow("p", "ALL", 60, 1000, 1, 0.3, 0.0, 0.3, 0.01, 0.32, 0.04, 300.0,
                5000.0, null, null, 200.0, 0.67, 200.0 / 320, null, null, "delivered");
        assertEquals("+30.0 pts, significant at 5 % (p 0.040, 95 % CI +1.0 to +32.0 pts): about 300 more customers"
                + " retained, $5,000 incremental revenue (no interval: an arm has fewer than 2 customers), $0.67 per"
                + " retained customer (95 % CI $0.63 or more).", LiftText.reading(small));
        assertEquals("$5,000 [no interval]", LiftText.revenue(small));
        assertEquals("$5,000 [$3,200, $6,800]", LiftText.revenue(significant));
        assertEquals("$0.67 [$0.63, no limit]", LiftText.costPerRetained(small));
        LiftRow incentive = new LiftRow("p", "ALL", 60, 1000, 1000, 0.3, 0.2, 0.1, 0.062, 0.138, 1e-6, 100.0,
                5000.0, 3200.0, 6800.0, 500.0, 5.0, 500.0 / 138, 500.0 / 62, null, "delivered", 200.0, 300.0);
        assertTrue(LiftText.reading(incentive).endsWith("$5.00 per retained customer (95 % CI $3.62 to $8.06),"
                + " counting $200 of contacts and $300 of incentives redeemed."), LiftText.reading(incentive));
        LiftRow noise = new LiftRow("p", "ALL", 60, 100, 100, 0.3, 0.28, 0.02, -0.1, 0.14, 0.75, 2.0, 10.0, 5.0, 2.5);
        assertEquals("+2.0 pts, not distinguishable from zero at 5 % (p 0.750, 95 % CI -10.0 to +14.0 pts); a larger"
                + " holdout or a longer run would tell.", LiftText.reading(noise));
        LiftRow noHoldout = new LiftRow("p", "ALL", 60, 10, 0, 0.5, null, null, null, null, null, null, null, 1.0, null);
        assertEquals("cannot be measured: no holdout customers whose horizon has ended.", LiftText.reading(noHoldout));
    }
}
