package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header comment of a model file, as {@code models apply} comments the view with it. */
class ModelHeaderTest {

    private static final String MODEL = """
            -- grain: one row per as_of and segment
            -- Sizes of the segments.
            -- columns:
            -- as_of: the kept refresh day (UTC)
            -- customers, orders: counts of the
            --   segment's customers and their orders
            -- share, other_share:
            --   a fraction 0-1
            SELECT as_of, 1 AS customers, 2 AS orders, 0.5 AS share -- not: header
            FROM segment_snapshot
            """;

    @Test
    void theDescriptionIsTheLinesBeforeColumnsAndEachEntryDescribesItsColumns() {
        ModelHeader header = ModelHeader.of(MODEL);

        assertEquals("grain: one row per as_of and segment\nSizes of the segments.", header.description());
        assertEquals(Map.of("as_of", "the kept refresh day (UTC)",
                "customers", "counts of the segment's customers and their orders",
                "orders", "counts of the segment's customers and their orders",
                "share", "a fraction 0-1", "other_share", "a fraction 0-1"), header.columns());
        assertEquals(List.of("as_of", "customers", "orders", "share", "other_share"),
                List.copyOf(header.columns().keySet()));
    }

    @Test
    void aHeaderWithoutColumnsIsAllDescription() {
        ModelHeader header = ModelHeader.of("-- grain: one row per program\n-- Helper of holdout_lift.\nSELECT 1 AS x\n");

        assertEquals("grain: one row per program\nHelper of holdout_lift.", header.description());
        assertEquals(Map.of(), header.columns());
    }

    @Test
    void aLineUnderColumnsThatIsNoEntryIsRefusedNamingIt() {
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> ModelHeader.of("-- grain: x\n-- columns:\n-- Customers: capital letters\nSELECT 1 AS customers"));

        assertTrue(e.getMessage().startsWith("the model header line '-- Customers: capital letters' is neither"),
                e.getMessage());
    }

    @Test
    void everyShippedModelExceptTheHelpersDescribesItsColumns() {
        Models models = Models.bundled();
        for (String view : models.order()) {
            ModelHeader header = models.header(view);
            assertTrue(header.description().startsWith("grain: "), view + ": " + header.description());
            assertTrue(view.startsWith("_") || !header.columns().isEmpty(), view + " has no columns: section");
        }
    }
}
