package org.retentionsegments.warehouse;

import static org.jooq.impl.DSL.count;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_TRANSITION;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;

/**
 * The warehouse side of the live demo: a fresh PostgreSQL schema for the continuous job, and what
 * the job has written there so far.
 */
public final class LiveWarehouse {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * What a continuous job has written so far.
     *
     * @param lastRefresh the latest refresh whose segments are written (the newest {@code as_of} of
     *     {@code customer_segment}), or null before the first; the score boundaries of later days
     *     may be written already, as the boundaries need only the customers' facts, while a refresh
     *     also waits for the treatments before its day (a topic that stopped earlier holds it until
     *     it is idle)
     * @param customers customers placed in a segment at least once
     * @param moves transitions of a customer from one segment to another
     */
    public record Progress(LocalDate lastRefresh, long customers, long moves) {}

    private LiveWarehouse() {}

    /**
     * Drops {@code schema} with everything in it, if it exists, on the PostgreSQL server at
     * {@code serverUrl}, creates it empty and returns the URL of a warehouse in it.
     */
    public static String freshSchema(String serverUrl, String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema name '" + schema + "': lower-case letters, digits and _ only");
        }
        if (Warehouse.isDuckDb(serverUrl)) {
            throw new IllegalArgumentException("the live demo needs a PostgreSQL server (jdbc:postgresql://...)");
        }
        try (Warehouse server = Warehouse.openMigrated(serverUrl)) {
            server.dsl().dropSchemaIfExists(schema).cascade().execute();
            server.dsl().createSchema(schema).execute();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot create the schema " + schema + " at " + Warehouse.displayUrl(serverUrl)
                    + ": " + Warehouse.firstLine(e.getMessage()), e);
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** What the continuous job has written to {@code warehouse} so far. */
    public static Progress progress(Warehouse warehouse) {
        DSLContext dsl = warehouse.dsl();
        LocalDate last = PredictionStore.latestRefresh(warehouse);
        Record2<Integer, Integer> moves = dsl.select(count().filterWhere(SEGMENT_TRANSITION.FROM_SEGMENT.isNull()),
                count().filterWhere(SEGMENT_TRANSITION.FROM_SEGMENT.isNotNull()))
                .from(SEGMENT_TRANSITION).fetchOne();
        return new Progress(last, moves.value1(), moves.value2());
    }
}
