package org.retentionsegments.core.cluster;

import java.time.LocalDate;

/**
 * How many customers one cluster (or outlier group, a negative number) of a model held at one
 * refresh: a row of {@code cluster_assignment} counted by model, refresh and cluster.
 */
public record ClusterSize(LocalDate asOf, int cluster, String label, long customers) {}
