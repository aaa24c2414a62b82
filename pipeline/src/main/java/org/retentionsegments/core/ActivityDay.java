package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * One customer's activity on one calendar day. Natural key: (customer_id, activity_date).
 *
 * @param orders orders with positive net amount
 * @param returnOrders orders with negative net amount (returns, refunds)
 * @param revenue net amount of all orders
 * @param returns absolute amount of the negative orders
 * @param engagementEvents engagement events of any type
 */
public record ActivityDay(
        String customerId,
        LocalDate activityDate,
        int orders,
        int returnOrders,
        double revenue,
        double returns,
        int engagementEvents)
        implements WarehouseRow, CustomerRow {}
