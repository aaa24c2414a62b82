package org.retentionsegments.core;

/**
 * A {@link WarehouseRow} about one customer. Not a kind of its own: each row kind stays a direct
 * kind of the sealed {@link WarehouseRow}, whose list of kinds gives their tags on the wire.
 */
public interface CustomerRow {

    String customerId();
}
