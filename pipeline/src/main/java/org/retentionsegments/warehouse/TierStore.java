package org.retentionsegments.warehouse;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.retentionsegments.warehouse.jooq.Tables.CUSTOMER_SEGMENT;
import static org.retentionsegments.warehouse.jooq.Tables.SCORE_BOUNDARY;
import static org.retentionsegments.warehouse.jooq.Tables.SEGMENT_SNAPSHOT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.scoring.CountHistogram;
import org.retentionsegments.core.scoring.TierCalculator;

/**
 * Reads what {@code config check --warehouse} judges: the score_boundary rows of the latest refresh,
 * and the scored customers' frequency and monetary at it (from segment_snapshot, or customer_segment
 * when the refresh was not kept) for suggested thresholds.
 */
public final class TierStore {

    private TierStore() {}

    /** The latest refresh with score boundaries; null when the warehouse has none. */
    public static LocalDate latestRefresh(Warehouse warehouse) {
        return warehouse.dsl().select(max(SCORE_BOUNDARY.AS_OF)).from(SCORE_BOUNDARY).fetchOne().value1();
    }

    /** Every score_boundary row of the refresh {@code asOf}, any dimension. */
    public static List<ScoreBoundary> boundaries(Warehouse warehouse, LocalDate asOf) {
        return warehouse.dsl().selectFrom(SCORE_BOUNDARY).where(SCORE_BOUNDARY.AS_OF.eq(asOf))
                .orderBy(SCORE_BOUNDARY.DIMENSION, SCORE_BOUNDARY.SCORE)
                .fetch(r -> new ScoreBoundary(r.getAsOf(), r.getDimension(), r.getMethod(), r.getScore(),
                        r.getLowerBound(), r.getUpperBound(), r.getCustomers()));
    }

    /**
     * The scored customers at {@code asOf} counted by orders ({@code frequency}) and by cents
     * ({@code monetary}); empty when neither segment_snapshot nor customer_segment has them.
     */
    public static Map<String, CountHistogram> histograms(Warehouse warehouse, LocalDate asOf) {
        DSLContext dsl = warehouse.dsl();
        boolean kept = dsl.fetchExists(SEGMENT_SNAPSHOT, SEGMENT_SNAPSHOT.AS_OF.eq(asOf));
        Table<?> table = kept ? SEGMENT_SNAPSHOT : CUSTOMER_SEGMENT;
        Condition at = kept ? SEGMENT_SNAPSHOT.AS_OF.eq(asOf).and(SEGMENT_SNAPSHOT.F_SCORE.isNotNull())
                : CUSTOMER_SEGMENT.AS_OF.eq(asOf).and(CUSTOMER_SEGMENT.F_SCORE.isNotNull());
        Field<Integer> frequency = kept ? SEGMENT_SNAPSHOT.FREQUENCY : CUSTOMER_SEGMENT.FREQUENCY;
        Field<BigDecimal> monetary = kept ? SEGMENT_SNAPSHOT.MONETARY : CUSTOMER_SEGMENT.MONETARY;
        Map<String, CountHistogram> result = new LinkedHashMap<>();
        CountHistogram orders = new CountHistogram();
        for (Record2<Integer, Integer> r : dsl.select(frequency, count()).from(table).where(at).groupBy(frequency)
                .fetch()) {
            add(orders, r.value1(), r.value2());
        }
        CountHistogram cents = new CountHistogram();
        for (Record2<BigDecimal, Integer> r : dsl.select(monetary, count()).from(table).where(at).groupBy(monetary)
                .fetch()) {
            add(cents, TierCalculator.cents(r.value1().doubleValue()), r.value2());
        }
        if (orders.total() > 0) {
            result.put("frequency", orders);
            result.put("monetary", cents);
        }
        return result;
    }

    private static void add(CountHistogram histogram, long key, int times) {
        for (int i = 0; i < times; i++) {
            histogram.add(key);
        }
    }
}
