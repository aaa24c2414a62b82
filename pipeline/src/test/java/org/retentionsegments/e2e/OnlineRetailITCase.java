package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.RETAIL_AS_OF;
import static org.retentionsegments.fixtures.RunFixtures.count;
import static org.retentionsegments.fixtures.RunFixtures.execute;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.InputCounts;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * An export in the UCI "Online Retail" layout through the shipped {@code online_retail} adapter:
 * the accounting adds up, rows without a customer are the rejected ones, and every customer's
 * R/F/M equals a direct DuckDB SQL computation of the documented semantics on the same file.
 */
class OnlineRetailITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void rfmEqualsDirectSqlOnTheSameFile() throws Exception {
        RunFixtures.RetailFile file = RunFixtures.onlineRetail(dir.resolve("Online Retail.csv"));
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);

        BoundedRun.Result result = RunFixtures.run(
                new RunInputs(Map.of(InputKind.ORDERS, file.path()), List.of("online_retail")), url);

        assertEquals(RETAIL_AS_OF, result.asOf(), "the day after the last order");
        InputCounts orders = result.counts().get("orders");
        assertEquals(file.dataLines(), orders.read());
        assertEquals(orders.read(), orders.accepted() + orders.rejected() + orders.duplicates());
        assertEquals(file.linesWithoutCustomer(), orders.rejected(), "exactly the lines without a CustomerID");
        assertEquals(0, orders.duplicates(), "without a line number no line is a duplicate (adapter contract)");
        assertEquals(file.customers(), result.customers());

        assertEquals(file.linesWithoutCustomer(), count(url, "SELECT COUNT(*) FROM rejected_input "
                + "WHERE source = 'orders' AND reason = 'missing customer_id' AND run_id = '" + result.runId() + "'"));
        assertEquals(0, count(url, "SELECT COUNT(*) FROM rejected_input WHERE reason <> 'missing customer_id'"));

        String asOf = "TIMESTAMP '" + RETAIL_AS_OF + " 00:00:00'";
        String inWindow = "ts > " + asOf + " - INTERVAL 365 DAY AND ts < " + asOf;
        execute(url,
                "CREATE TABLE direct_raw AS SELECT * FROM read_csv('" + file.path().toAbsolutePath() + "', header = true, "
                        + "delim = ',', quote = '\"', escape = '\"', columns = {'InvoiceNo': 'VARCHAR', "
                        + "'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'VARCHAR', "
                        + "'InvoiceDate': 'VARCHAR', 'UnitPrice': 'VARCHAR', 'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'})",
                "CREATE TABLE direct_expected AS "
                        + "WITH orders AS (SELECT InvoiceNo, regexp_replace(CustomerID, '\\.0+$', '') AS customer_id, "
                        + "  MIN(strptime(InvoiceDate, '%m/%d/%Y %H:%M')) AS ts, "
                        + "  SUM(CAST(Quantity AS DECIMAL(18, 4)) * CAST(UnitPrice AS DECIMAL(18, 4))) AS amount "
                        + "  FROM direct_raw WHERE CustomerID IS NOT NULL GROUP BY 1, 2) "
                        + "SELECT customer_id, "
                        + "  date_diff('day', CAST(MAX(ts) FILTER (WHERE amount > 0) AS DATE), DATE '" + RETAIL_AS_OF + "') AS recency_days, "
                        + "  COUNT(*) FILTER (WHERE amount > 0 AND " + inWindow + ") AS frequency, "
                        + "  GREATEST(0, COALESCE(SUM(amount) FILTER (WHERE " + inWindow + "), 0)) AS monetary "
                        + "FROM orders GROUP BY 1");

        assertEquals(file.dataLines(), count(url, "SELECT COUNT(*) FROM direct_raw"), "DuckDB reads every line of the file");
        assertEquals(file.customers(), count(url, "SELECT COUNT(*) FROM direct_expected"));
        List<Map<String, Object>> differences = rows(url, "SELECT e.customer_id AS expected_id, a.customer_id AS actual_id, "
                + "e.recency_days AS e_r, a.recency_days AS a_r, e.frequency AS e_f, a.frequency AS a_f, "
                + "e.monetary AS e_m, a.monetary AS a_m FROM direct_expected e FULL JOIN customer_segment a USING (customer_id) "
                + "WHERE a.customer_id IS NULL OR e.customer_id IS NULL OR a.recency_days IS DISTINCT FROM e.recency_days "
                + "OR a.frequency <> e.frequency OR abs(a.monetary - e.monetary) > 0.005 ORDER BY 1, 2 LIMIT 10");
        assertEquals(List.of(), differences, "customers whose R/F/M differ from the direct SQL");

        // the window is open at as_of - 365 days: day 365 before as_of is in, day 366 is out
        assertEquals(List.of(Map.of("customer_id", "18001", "frequency", 1, "recency_days", 365),
                        Map.of("customer_id", "18002", "frequency", 1, "recency_days", 1)),
                rows(url, "SELECT customer_id, frequency, recency_days FROM customer_segment "
                        + "WHERE customer_id IN ('18001', '18002') ORDER BY 1"));
        long expired = count(url, "SELECT COUNT(*) FROM customer_segment WHERE frequency = 0 AND monetary = 0");
        assertEquals(count(url, "SELECT COUNT(*) FROM direct_expected WHERE frequency = 0"), expired);
        assertTrue(expired > 5, "some customers' orders have all left the window: " + expired);
    }
}
