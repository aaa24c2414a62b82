package org.retentionsegments.warehouse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.retentionsegments.core.ScoreBoundary;

/**
 * The reads of {@code ./segments explain}: one customer's row at a refresh and what explains it
 * (the refresh's boundaries and purchase cycle, the segment's configuration and criteria, the
 * customer's transitions, treatments and cluster). Every statement is a file of
 * {@code warehouse-models/queries/explain}; customer ids, segment names and days reach them only
 * as bind values.
 */
public final class CustomerQueries {

    static final String FOLDER = "warehouse-models/queries/explain";

    private static final SqlFiles.Queries SQL = SqlFiles.queries(FOLDER);

    /**
     * The customer's row at a refresh, column name to value in the table's order (money and shares
     * as {@link Double}, days as {@link LocalDate}).
     *
     * @param current whether it is the row of customer_segment (else of segment_snapshot)
     */
    public record Row(LocalDate asOf, boolean current, Map<String, Object> columns) {

        public Row {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public Integer integer(String column) {
            Object v = columns.get(column);
            return v == null ? null : ((Number) v).intValue();
        }

        public Double number(String column) {
            Object v = columns.get(column);
            return v == null ? null : ((Number) v).doubleValue();
        }

        public String text(String column) {
            Object v = columns.get(column);
            return v == null ? null : v.toString();
        }

        public boolean flag(String column) {
            return Boolean.TRUE.equals(columns.get(column));
        }
    }

    /** The purchase cycle of a refresh and the lifecycle thresholds it set, in days. */
    public record Cycle(double cycleDays, boolean measured, double newWithinDays, double activeWithinDays,
            double lapsingWithinDays) {}

    /** How the latest run configured a segment (segment_config). */
    public record Configured(String segment, Integer order, String strategy, String programId,
            Double holdoutShare, Boolean alwaysOn, Boolean inConfig) {}

    /** A change of segment. */
    public record Transition(LocalDate asOf, String from, String to) {}

    /** An entry into a program. */
    public record Entry(String programId, java.time.LocalDateTime at, String arm, String segment, String channel,
            Double cost, String source) {}

    /** A cluster assignment. */
    public record Cluster(int cluster, String label, Double distance, String modelVersion) {}

    /** The kept refreshes of the customer nearest to a day without one (null where there is none). */
    public record Nearest(LocalDate before, LocalDate after) {}

    private final Warehouse w;

    public CustomerQueries(Warehouse w) {
        this.w = w;
    }

    /** Whether the warehouse has a current row or a kept snapshot of the customer. */
    public boolean known(String customer) {
        return fetch("customer_known", customer, customer).get(0).get(0, Long.class) > 0;
    }

    /** The customer's current row (customer_segment); null when there is none. */
    public Row current(String customer) {
        List<Record> rows = fetch("customer_current", customer);
        return rows.isEmpty() ? null : row(rows.get(0), true);
    }

    /** The customer's row in the kept refresh {@code asOf} (segment_snapshot); null when there is none. */
    public Row snapshot(String customer, LocalDate asOf) {
        List<Record> rows = fetch("customer_snapshot", customer, asOf.toString());
        return rows.isEmpty() ? null : row(rows.get(0), false);
    }

    public Nearest nearest(String customer, LocalDate day) {
        Record r = fetch("customer_nearest_snapshots", customer, day.toString(), customer, day.toString()).get(0);
        return new Nearest(r.get("before_day", LocalDate.class), r.get("after_day", LocalDate.class));
    }

    public List<ScoreBoundary> boundaries(LocalDate asOf) {
        return fetch("refresh_boundaries", asOf.toString()).stream()
                .map(r -> new ScoreBoundary(asOf, r.get("dimension", String.class), r.get("method", String.class),
                        r.get("score", Integer.class), r.get("lower_bound", Double.class),
                        r.get("upper_bound", Double.class), r.get("customers", Long.class)))
                .toList();
    }

    /** The purchase cycle of the refresh; null when none was written. */
    public Cycle cycle(LocalDate asOf) {
        return fetch("refresh_purchase_cycle", asOf.toString()).stream().findFirst()
                .map(r -> new Cycle(r.get("cycle_days", Double.class), r.get("measured", Boolean.class),
                        r.get("new_within_days", Double.class), r.get("active_within_days", Double.class),
                        r.get("lapsing_within_days", Double.class)))
                .orElse(null);
    }

    /** The segment's row of segment_config; null when the warehouse has none. */
    public Configured configured(String segment) {
        return fetch("segment_configured", segment).stream().findFirst()
                .map(r -> new Configured(r.get("segment", String.class), r.get("segment_order", Integer.class),
                        r.get("strategy", String.class), r.get("program_id", String.class),
                        r.get("holdout_share", Double.class), r.get("always_on", Boolean.class),
                        r.get("in_config", Boolean.class)))
                .orElse(null);
    }

    /** The segment's criteria in words at the kept refresh; null when none was written. */
    public String criteria(LocalDate asOf, String segment) {
        return fetch("segment_criteria_at", asOf.toString(), segment).stream().findFirst()
                .map(r -> r.get("criteria", String.class)).orElse(null);
    }

    /** The customer's last five transitions up to {@code asOf}, latest first. */
    public List<Transition> transitions(String customer, LocalDate asOf) {
        return fetch("customer_transitions", customer, asOf.toString()).stream()
                .map(r -> new Transition(r.get("as_of", LocalDate.class), r.get("from_segment", String.class),
                        r.get("to_segment", String.class)))
                .toList();
    }

    /** The customer's last five program entries up to the day {@code asOf}, latest first. */
    public List<Entry> treatments(String customer, LocalDate asOf) {
        return fetch("customer_treatments", customer, asOf.toString()).stream()
                .map(r -> new Entry(r.get("program_id", String.class),
                        r.get("treated_ts", java.time.LocalDateTime.class), r.get("arm", String.class),
                        r.get("segment", String.class), r.get("channel", String.class), r.get("cost", Double.class),
                        r.get("source", String.class)))
                .toList();
    }

    /**
     * The customer's cluster at the kept refresh, by the model {@code preferred} when it placed the
     * customer (null: none preferred), else by the model trained last; null when no model placed it.
     */
    public Cluster cluster(String customer, LocalDate asOf, String preferred) {
        return fetch("customer_cluster", customer, asOf.toString(), preferred == null ? "" : preferred).stream()
                .findFirst()
                .map(r -> new Cluster(r.get("cluster", Integer.class), r.get("label", String.class),
                        r.get("distance", Double.class), r.get("model_version", String.class)))
                .orElse(null);
    }

    private List<Record> fetch(String name, Object... binds) {
        String sql = SQL.sql(name);
        try {
            return w.dsl().resultQuery(sql, binds).fetch();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot read " + name + " from " + w.url() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    private static Row row(Record r, boolean current) {
        return new Row(r.get("as_of", LocalDate.class), current, EngineValues.byName(r));
    }
}
