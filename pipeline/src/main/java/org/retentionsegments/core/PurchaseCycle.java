package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * The purchase cycle of one refresh and the lifecycle thresholds it sets, in days. Natural key:
 * {@code as_of}.
 *
 * @param measured false while too few repeat customers have a gap and the configured default is used
 * @param repeatCustomers customers with a gap between two order days
 */
public record PurchaseCycle(
        LocalDate asOf,
        double cycleDays,
        boolean measured,
        long repeatCustomers,
        double newWithinDays,
        double activeWithinDays,
        double lapsingWithinDays)
        implements WarehouseRow {}
