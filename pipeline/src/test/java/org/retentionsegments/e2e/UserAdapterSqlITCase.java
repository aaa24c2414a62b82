package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.TableChecksums;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * A user's own adapter SQL ({@code --source-sql FILE}) runs the first stage in Flink SQL; a shipped
 * adapter's name runs it in Java. The same adapter given both ways (the shipped CDNOW adapter's
 * file copied beside the data) must leave the same warehouse, table for table.
 */
class UserAdapterSqlITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @Test
    void anAdapterFileLeavesWhatTheShippedAdapterLeaves() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "datasets", "cdnow", "CDNOW_master.txt"));
        Path orders = Files.write(dir.resolve("cdnow-part.txt"), lines.subList(0, 15_000));
        Path adapter = Files.copy(Path.of("..", "sql", "adapters", "cdnow", "orders_fields.sql"),
                dir.resolve("my_orders_fields.sql"));
        Files.move(adapter, dir.resolve("orders_fields.sql"));

        String shippedUrl = WAREHOUSES.freshUrl(Engine.DUCKDB);
        BoundedRun.Result shipped = RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, orders), List.of("cdnow")),
                shippedUrl);
        String fileUrl = WAREHOUSES.freshUrl(Engine.DUCKDB);
        BoundedRun.Result file = RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, orders),
                List.of(dir.resolve("orders_fields.sql").toString())), fileUrl);

        assertTrue(shipped.customers() > 1_000, "customers segmented: " + shipped.customers());
        assertEquals(shipped.counts(), file.counts(), "the same accounting");
        assertEquals(shipped.customers(), file.customers());
        assertEquals(TableChecksums.of(shippedUrl), TableChecksums.of(fileUrl), "the same tables");
    }
}
