package org.retentionsegments.core;

import java.time.LocalDate;

/**
 * A customer's cluster under one model at one refresh ({@code cluster_assignment}): the cluster
 * number (negative for an outlier group), its label, and the distance to the centroid in the
 * model's standardised space (null for an outlier group).
 */
public record ClusterAssignment(String modelVersion, LocalDate asOf, String customerId, int cluster, String label,
        Double distance) implements WarehouseRow, CustomerRow {}
