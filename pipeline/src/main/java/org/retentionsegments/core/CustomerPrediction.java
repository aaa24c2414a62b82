package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * What the buy-till-you-die models predict for one customer at one refresh
 * ({@code customer_prediction}); see {@link org.retentionsegments.core.predict.ValuePrediction}.
 */
public record CustomerPrediction(LocalDate asOf, String customerId, int repeatOrders, double recencyUnits,
        double ageUnits, double pAlive, double expectedOrders, Double expectedSpend, Double predictedValue)
        implements WarehouseRow, CustomerRow {}
