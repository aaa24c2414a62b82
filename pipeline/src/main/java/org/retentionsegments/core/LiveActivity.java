package org.retentionsegments.core;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One customer's activity so far on the newest day still open ({@code activity_live}): what the
 * continuous job knows minutes or hours before the day closes and {@link ActivityDay} has its
 * final figures. Natural key: customer_id; a row replaces the stored one only when it is of a
 * later day, or of the same day with at least as many records.
 *
 * @param orders orders with a positive net amount so far
 * @param returnOrders orders with a negative net amount so far
 * @param revenue net amount of the day's orders so far
 * @param returns absolute amount of the negative orders so far
 * @param engagementEvents engagement events so far
 * @param records accepted records counted (order lines and events, each copy once): grows within a day
 * @param lastEventAt the event time of the latest record counted
 */
public record LiveActivity(String customerId, LocalDate activityDate, int orders, int returnOrders, double revenue,
        double returns, int engagementEvents, int records, Instant lastEventAt) implements WarehouseRow, CustomerRow {}
