package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_PREDICTION;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.PREDICTION_FIT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.retentionsegments.core.predict.GammaGammaFit;
import org.retentionsegments.core.predict.ValuePrediction;

/**
 * The reads and writes of {@code ./segments predict}: the customers' order days before a refresh
 * (a file of {@code warehouse-models/queries/predict}) and the fits and predictions, replacing
 * those of the same refresh.
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
        List<ValuePrediction.OrderDays> days = new ArrayList<>();
        try {
            for (Record r : warehouse.dsl().resultQuery(SQL.sql("purchase_histories"), asOf.toString()).fetch()) {
                BigDecimal revenue = r.get("repeat_revenue", BigDecimal.class);
                days.add(new ValuePrediction.OrderDays(r.get("customer_id", String.class),
                        r.get("first_day", LocalDate.class), r.get("last_day", LocalDate.class),
                        r.get("order_days", Integer.class), revenue == null ? 0 : revenue.doubleValue()));
            }
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot read the order days from " + warehouse.url() + ": "
                    + Warehouse.firstLine(e.getMessage()), e);
        }
        return days;
    }

    /** Replaces the refresh's fit and predictions; returns the predictions written. */
    public static long save(Warehouse warehouse, ValuePrediction.Result result) {
        ValuePrediction.Fits f = result.fits();
        GammaGammaFit spend = f.spend();
        warehouse.dsl().transaction(tx -> {
            tx.dsl().deleteFrom(CUSTOMER_PREDICTION).where(CUSTOMER_PREDICTION.AS_OF.eq(f.asOf())).execute();
            tx.dsl().deleteFrom(PREDICTION_FIT).where(PREDICTION_FIT.AS_OF.eq(f.asOf())).execute();
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
                    .execute();
        });
        return new WarehouseWriter(warehouse).writeInChunks(result.customers());
    }
}
