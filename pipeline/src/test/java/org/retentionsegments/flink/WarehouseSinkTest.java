package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.T0;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.InputCountDaily;
import org.retentionsegments.core.TopicDelivery;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.warehouse.WarehouseFixtures;
import org.junit.jupiter.api.Test;

class WarehouseSinkTest {

    @Test
    void everyRowOfACustomerGoesToOneWriterAndOtherRowsByTheirKind() {
        List<WarehouseRow> customer = List.of(
                WarehouseFixtures.assignment("c-1", AS_OF, "Champions", true),
                WarehouseFixtures.assignment("c-1", AS_OF.plusDays(1), "Loyal", false),
                WarehouseFixtures.transition("c-1", AS_OF, "Champions", "Loyal"),
                WarehouseFixtures.activity("c-1", AS_OF, 2, 40.0),
                WarehouseFixtures.treatment("winback", "c-1", T0, Arm.HOLDOUT, 0.0),
                new TopicDelivery("segment-transitions", "c-1", AS_OF, "Champions", "Loyal", null, Arm.TREATMENT, "v1"));
        assertEquals(Set.of("c-1"), customer.stream().map(WarehouseSink::writerKey).collect(Collectors.toSet()));
        assertNotEquals(WarehouseSink.writerKey(WarehouseFixtures.assignment("c-2", AS_OF, "Champions", true)),
                WarehouseSink.writerKey(customer.get(0)));

        // rows without a customer: every row of a kind to one writer, in the order they come
        assertEquals(WarehouseSink.writerKey(WarehouseFixtures.run("r1", "orders")),
                WarehouseSink.writerKey(WarehouseFixtures.run("r2", "engagement")));
        assertEquals(WarehouseSink.writerKey(new InputCountDaily("r1", "orders", AS_OF, 3, 2, 1, 0, 0)),
                WarehouseSink.writerKey(new InputCountDaily("r1", "orders", AS_OF, 5, 4, 1, 0, 0)));
        assertEquals(WarehouseSink.writerKey(WarehouseFixtures.rejected("r1", "a")),
                WarehouseSink.writerKey(WarehouseFixtures.rejected("r1", "b")));
        assertNotEquals(WarehouseSink.writerKey(WarehouseFixtures.run("r1", "orders")),
                WarehouseSink.writerKey(WarehouseFixtures.boundary(AS_OF, "recency", 1, 0.0, 5.0)));
    }

    @Test
    void everyKindOfRowWithACustomerIsACustomerRow() {
        // a kind with a customer left out would go to one writer for all its customers: correct, but slow
        for (Class<?> kind : WarehouseRow.class.getPermittedSubclasses()) {
            boolean hasCustomer = java.util.Arrays.stream(kind.getRecordComponents())
                    .anyMatch(c -> c.getName().equals("customerId"));
            assertEquals(hasCustomer, org.retentionsegments.core.CustomerRow.class.isAssignableFrom(kind), kind.getName());
        }
    }
}
