package org.retentionsegments.input.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped adapters in Java map lines as their SQL does (the ITCase compares whole files on Flink). */
class ShippedAdapterTest {

    @Test
    void cdnowLinesBecomeOrdersOfTheDay() {
        ShippedAdapter.Mapped m = ShippedAdapter.CDNOW.map("00001 19970101  1  11.77\r");
        assertNull(m.parseError());
        assertArrayEquals(new String[] {"00001-19970101", "00001", "1997-01-01", "11.77", null, null, null, null},
                m.fields());
        assertNull(ShippedAdapter.CDNOW.map("customer_id date cds dollars"), "the header is not a record");
        assertNull(ShippedAdapter.CDNOW.map("   "), "a blank line is not a record");
        assertEquals("expected 4 white-space separated fields, found 3", ShippedAdapter.CDNOW.map("1 2 3").parseError());
    }

    @Test
    void onlineRetailLinesBecomeOrderLinesWithTheirAmount() {
        ShippedAdapter.Mapped m = ShippedAdapter.ONLINE_RETAIL.map(
                "536365,85123A,\"WHITE HANGING HEART, T-LIGHT\",6,12/1/2010 8:26,2.55,17850.0,United Kingdom");
        assertNull(m.parseError());
        assertArrayEquals(new String[] {"536365", "17850", "2010-12-01 08:26", "15.3000", null, null, null, null},
                m.fields());
        assertNull(ShippedAdapter.ONLINE_RETAIL.map("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
                + "CustomerID,Country"), "the header is not a record");
        ShippedAdapter.Mapped noQuantity = ShippedAdapter.ONLINE_RETAIL.map("536365,85123A,X,,12/1/2010 8:26,2.55,1,UK");
        assertEquals("*2.55", noQuantity.fields()[3], "a line without a quantity is kept, and rejected downstream");
        assertEquals("unterminated quote in CSV line", ShippedAdapter.ONLINE_RETAIL.map("1,\"2,3").parseError());
        assertEquals("expected 8 columns, found 4", ShippedAdapter.ONLINE_RETAIL.map("1,2,3,4").parseError());
    }

    @Test
    void decimalsAsFlinkCastsThem() {
        assertEquals("15.3000", ShippedAdapter.decimal4(2.55 * 6));
        assertEquals("-0.0001", ShippedAdapter.decimal4(-0.00005));
        assertEquals("0.0000", ShippedAdapter.decimal4(0.0));
        assertNull(ShippedAdapter.decimal4(1e15), "18 digits at scale 4 do not hold it");
        assertNull(ShippedAdapter.decimal4(Double.POSITIVE_INFINITY));
    }

    @Test
    void trailingZerosGoAsThePatternRemovesThem() {
        Pattern pattern = Pattern.compile("\\.0+$");
        Random r = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = r.nextInt(8); n > 0; n--) {
                s.append("0.1\n9".charAt(r.nextInt(5)));
            }
            String id = s.toString();
            assertEquals(pattern.matcher(id).replaceAll(""), ShippedAdapter.withoutTrailingZeros(id), "'" + id + "'");
        }
    }
}
