package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_PREDICTION;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.PREDICTION_FIT;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.impl.DSL;
import org.retentionsegments.core.predict.GammaGammaFit;
import org.retentionsegments.core.predict.OrderDayLog;
import org.retentionsegments.core.predict.ValuePrediction;

/**
 * The reads and writes of the predictions ({@code ./segments predict} and a run's, see {@link
 * KeptPredictions}): the customers' order days (a file of {@code warehouse-models/queries/predict}),
 * the kept refreshes and those predicted, and the fits and predictions, replacing those of the
 * same refresh.
 */
public final class PredictionStore {

    static final String FOLDER = "warehouse-models/queries/predict";

    private static final SqlFiles.Queries SQL = SqlFiles.queries(FOLDER);

    private PredictionStore() {}

    /** The latest refresh, the as_of of customer_segment; null when the warehouse has none. */
    public static LocalDate latestRefresh(Warehouse warehouse) {
        return warehouse.dsl().select(DSL.max(CUSTOMER_SEGMENT.AS_OF)).from(CUSTOMER_SEGMENT).fetchOne().value1();
    }

    /** Every customer's positive order days before {@code asOf}. */
    public static List<ValuePrediction.OrderDays> orderDays(Warehouse warehouse, LocalDate asOf) {
        return orderDayLog(warehouse, asOf).before(asOf);
    }

    /**
     * Every customer's days with a positive order before {@code before}, read once for many
     * refreshes (plain JDBC: some 600,000 rows at 100,000 customers).
     */
    public static OrderDayLog orderDayLog(Warehouse warehouse, LocalDate before) {
        OrderDayLog log = new OrderDayLog();
        try (PreparedStatement s = warehouse.connection().prepareStatement(SQL.sql("order_days"))) {
            s.setString(1, before.toString());
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    log.add(r.getString(1), r.getInt(2), r.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the order days from " + warehouse.url() + ": "
                    + Warehouse.firstLine(e.getMessage()), e);
        }
        return log;
    }

    /** The kept refreshes (segment_snapshot's as_of) up to {@code upTo}, in day order. */
    public static List<LocalDate> keptRefreshes(Warehouse warehouse, LocalDate upTo) {
        return warehouse.dsl().selectDistinct(SEGMENT_SNAPSHOT.AS_OF).from(SEGMENT_SNAPSHOT)
                .where(SEGMENT_SNAPSHOT.AS_OF.le(upTo)).orderBy(SEGMENT_SNAPSHOT.AS_OF).fetch(SEGMENT_SNAPSHOT.AS_OF);
    }

    /**
     * The refreshes with a complete prediction: their prediction_fit row is written last, after
     * every customer_prediction row, so a prediction stopped half-way has none.
     */
    public static Set<LocalDate> predicted(Warehouse warehouse) {
        return new TreeSet<>(warehouse.dsl().select(PREDICTION_FIT.AS_OF).from(PREDICTION_FIT).fetch(PREDICTION_FIT.AS_OF));
    }

    /**
     * Replaces the refresh's fit and predictions; returns the predictions written. The old rows go
     * first, then the customers' rows, then the fit: a refresh has a prediction_fit row only when
     * all its customer_prediction rows are written (a killed run leaves none, and the next run
     * predicts it again).
     */
    public static long save(Warehouse warehouse, ValuePrediction.Result result) {
        ValuePrediction.Fits f = result.fits();
        GammaGammaFit spend = f.spend();
        warehouse.dsl().transaction(tx -> {
            tx.dsl().deleteFrom(PREDICTION_FIT).where(PREDICTION_FIT.AS_OF.eq(f.asOf())).execute();
            tx.dsl().deleteFrom(CUSTOMER_PREDICTION).where(CUSTOMER_PREDICTION.AS_OF.eq(f.asOf())).execute();
        });
        long written = new WarehouseWriter(warehouse).writeInChunks(result.customers());
        warehouse.dsl().transaction(tx -> {
            tx.dsl().insertInto(PREDICTION_FIT)
                    .set(PREDICTION_FIT.AS_OF, f.asOf())
                    .set(PREDICTION_FIT.UNIT_DAYS, f.unitDays())
                    .set(PREDICTION_FIT.HORIZON_DAYS, f.horizonDays())
                    .set(PREDICTION_FIT.CUSTOMERS, f.purchases().customers())
                    .set(PREDICTION_FIT.BGNBD_R, f.purchases().model().r())
                    .set(PREDICTION_FIT.BGNBD_ALPHA, f.purchases().model().alpha())
                    .set(PREDICTION_FIT.BGNBD_A, f.purchases().model().a())
                    .set(PREDICTION_FIT.BGNBD_B, f.purchases().model().b())
                    .set(PREDICTION_FIT.BGNBD_LOG_LIKELIHOOD, f.purchases().logLikelihood())
                    .set(PREDICTION_FIT.BGNBD_CONVERGED, f.purchases().converged())
                    .set(PREDICTION_FIT.SPEND_CUSTOMERS, spend == null ? 0L : spend.customers())
                    .set(PREDICTION_FIT.SPEND_P, spend == null ? null : spend.model().p())
                    .set(PREDICTION_FIT.SPEND_Q, spend == null ? null : spend.model().q())
                    .set(PREDICTION_FIT.SPEND_GAMMA_SCALE, spend == null ? null : spend.model().gamma())
                    .set(PREDICTION_FIT.SPEND_LOG_LIKELIHOOD, spend == null ? null : spend.logLikelihood())
                    .set(PREDICTION_FIT.SPEND_CONVERGED, spend == null ? null : spend.converged())
                    .set(PREDICTION_FIT.FITTED_AT, LocalDateTime.now(ZoneOffset.UTC))
                    .set(PREDICTION_FIT.FITTED_ON, f.sampled() ? "hash_sample" : "all")
                    .execute();
        });
        return written;
    }
}
