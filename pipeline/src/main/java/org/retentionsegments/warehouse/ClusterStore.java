package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.CLUSTER_ASSIGNMENT;
import static org.retentionsegments.warehouse.jooq.Tables.CLUSTER_DIAGNOSTICS;
import static org.retentionsegments.warehouse.jooq.Tables.CLUSTER_MODEL;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.retentionsegments.core.ClusterAssignment;
import org.retentionsegments.core.cluster.ClusterModel;
import org.retentionsegments.core.cluster.ClusterSize;
import org.retentionsegments.core.cluster.RfmPoint;

/** Reads the customers a clustering is trained on, and stores a trained model with its assignments. */
public final class ClusterStore {

    private ClusterStore() {}

    /** The latest refresh kept as a snapshot; null when the warehouse has none. */
    public static LocalDate latestSnapshot(Warehouse warehouse) {
        return warehouse.dsl().select(org.jooq.impl.DSL.max(SEGMENT_SNAPSHOT.AS_OF)).from(SEGMENT_SNAPSHOT).fetchOne().value1();
    }

    /** Whether a snapshot was kept at {@code asOf}. */
    public static boolean hasSnapshot(Warehouse warehouse, LocalDate asOf) {
        return warehouse.dsl().fetchExists(SEGMENT_SNAPSHOT, SEGMENT_SNAPSHOT.AS_OF.eq(asOf));
    }

    /** The snapshot dates kept, latest first, at most {@code limit}. */
    public static List<LocalDate> snapshots(Warehouse warehouse, int limit) {
        return warehouse.dsl().selectDistinct(SEGMENT_SNAPSHOT.AS_OF).from(SEGMENT_SNAPSHOT)
                .orderBy(SEGMENT_SNAPSHOT.AS_OF.desc()).limit(limit).fetch(SEGMENT_SNAPSHOT.AS_OF);
    }

    /**
     * The customers of the snapshot at {@code asOf} who have ordered (a recency): their raw R/F/M,
     * ordered by customer id in Java's string order (so a training sees them in the same order
     * every time and on either engine, whatever the database's collation).
     */
    public static List<RfmPoint> customers(Warehouse warehouse, LocalDate asOf) {
        List<RfmPoint> points = new ArrayList<>();
        DSLContext dsl = warehouse.dsl();
        try (var cursor = dsl.select(SEGMENT_SNAPSHOT.CUSTOMER_ID, SEGMENT_SNAPSHOT.RECENCY_DAYS,
                        SEGMENT_SNAPSHOT.FREQUENCY, SEGMENT_SNAPSHOT.MONETARY)
                .from(SEGMENT_SNAPSHOT)
                .where(SEGMENT_SNAPSHOT.AS_OF.eq(asOf)).and(SEGMENT_SNAPSHOT.RECENCY_DAYS.isNotNull())
                .fetchSize(10_000).fetchLazy()) {
            for (Record4<String, Integer, Integer, java.math.BigDecimal> r : cursor) {
                points.add(new RfmPoint(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? 0.0 : Math.max(0.0, r.value4().doubleValue())));
            }
        }
        points.sort(java.util.Comparator.comparing(RfmPoint::customerId));
        return points;
    }

    /**
     * The model trained last ({@code cluster_model} by training time, then version), or null when
     * the warehouse has none.
     */
    public static ClusterModel latestModel(Warehouse warehouse) {
        String json = warehouse.dsl().select(CLUSTER_MODEL.MODEL_JSON).from(CLUSTER_MODEL)
                .orderBy(CLUSTER_MODEL.TRAINED_AT.desc(), CLUSTER_MODEL.MODEL_VERSION.desc()).limit(1)
                .fetchOne(CLUSTER_MODEL.MODEL_JSON);
        return json == null ? null : ClusterModel.fromJson(json);
    }

    /**
     * The customers per cluster and outlier group of the model {@code modelVersion} at every
     * refresh it placed them at ({@code cluster_assignment}), by refresh, then cluster number.
     */
    public static List<ClusterSize> sizes(Warehouse warehouse, String modelVersion) {
        var customers = org.jooq.impl.DSL.count();
        return warehouse.dsl().select(CLUSTER_ASSIGNMENT.AS_OF, CLUSTER_ASSIGNMENT.CLUSTER, CLUSTER_ASSIGNMENT.LABEL,
                        customers)
                .from(CLUSTER_ASSIGNMENT)
                .where(CLUSTER_ASSIGNMENT.MODEL_VERSION.eq(modelVersion))
                .groupBy(CLUSTER_ASSIGNMENT.AS_OF, CLUSTER_ASSIGNMENT.CLUSTER, CLUSTER_ASSIGNMENT.LABEL)
                .orderBy(CLUSTER_ASSIGNMENT.AS_OF, CLUSTER_ASSIGNMENT.CLUSTER)
                .fetch(r -> new ClusterSize(r.value1(), r.value2(), r.value3(), r.value4().longValue()));
    }

    /**
     * Stores the model, its diagnostics and the assignments of the customers it was trained on:
     * the model and diagnostics replaced as a whole (same version, same content), the assignments
     * upserted. Returns the assignments written.
     */
    public static long save(Warehouse warehouse, ClusterModel model, List<ClusterAssignment> assignments) {
        long outliers = model.outliers().counts().values().stream().mapToLong(Long::longValue).sum();
        warehouse.dsl().transaction(tx -> {
            DSLContext dsl = tx.dsl();
            dsl.deleteFrom(CLUSTER_DIAGNOSTICS).where(CLUSTER_DIAGNOSTICS.MODEL_VERSION.eq(model.version())).execute();
            dsl.deleteFrom(CLUSTER_MODEL).where(CLUSTER_MODEL.MODEL_VERSION.eq(model.version())).execute();
            dsl.insertInto(CLUSTER_MODEL)
                    .set(CLUSTER_MODEL.MODEL_VERSION, model.version())
                    .set(CLUSTER_MODEL.TRAINED_AT, LocalDateTime.ofInstant(Instant.parse(model.trainedAt()), ZoneOffset.UTC))
                    .set(CLUSTER_MODEL.AS_OF, LocalDate.parse(model.asOf()))
                    .set(CLUSTER_MODEL.K, model.k())
                    .set(CLUSTER_MODEL.INPUT_ROWS, model.inputRows())
                    .set(CLUSTER_MODEL.CLUSTERED_ROWS, model.clusteredRows())
                    .set(CLUSTER_MODEL.OUTLIER_ROWS, outliers)
                    .set(CLUSTER_MODEL.CHOSEN_BY, model.chosenBy())
                    .set(CLUSTER_MODEL.MODEL_JSON, model.json())
                    .execute();
            for (ClusterModel.Diagnostic d : model.diagnostics()) {
                dsl.insertInto(CLUSTER_DIAGNOSTICS)
                        .set(CLUSTER_DIAGNOSTICS.MODEL_VERSION, model.version())
                        .set(CLUSTER_DIAGNOSTICS.K, d.k())
                        .set(CLUSTER_DIAGNOSTICS.INERTIA, d.inertia())
                        .set(CLUSTER_DIAGNOSTICS.FIT_CUSTOMERS, d.fitCustomers())
                        .set(CLUSTER_DIAGNOSTICS.SILHOUETTE, d.silhouette())
                        .set(CLUSTER_DIAGNOSTICS.SILHOUETTE_CUSTOMERS, d.silhouetteCustomers())
                        .set(CLUSTER_DIAGNOSTICS.CHOSEN, d.k() == model.k())
                        .execute();
            }
        });
        return new WarehouseWriter(warehouse).writeInChunks(assignments);
    }
}
