package org.retentionsegments.warehouse;

import java.util.List;
import java.util.Map;
import org.jooq.exception.DataAccessException;

/**
 * The reads of {@code ./segments review}, each a file of {@code warehouse-models/queries/review}
 * (thresholds reach them as bind values). Rows come back as column name to value: numbers as
 * {@link Double} or {@link Long}, days as {@link java.time.LocalDate}, the same on both engines.
 */
public final class ReviewQueries {

    static final String FOLDER = "warehouse-models/queries/review";

    private static final SqlFiles.Queries SQL = SqlFiles.queries(FOLDER);

    private final Warehouse w;

    public ReviewQueries(Warehouse w) {
        this.w = w;
    }

    /** Score boundaries that moved by more than {@code threshold} (a fraction) since the previous kept refresh. */
    public List<Map<String, Object>> boundaryDrift(double threshold) {
        return fetch("boundary_drift", threshold);
    }

    /** Segments whose customers changed by more than {@code threshold} (a fraction) between the last two kept refreshes. */
    public List<Map<String, Object>> segmentChanges(double threshold) {
        return fetch("segment_changes", threshold);
    }

    /** The underpowered rows of holdout_power. */
    public List<Map<String, Object>> underpowered() {
        return fetch("underpowered");
    }

    /** The negative or insignificant segment lifts of holdout_lift. */
    public List<Map<String, Object>> weakLifts() {
        return fetch("weak_lifts");
    }

    /** The latest purchase cycle; null when none was written. */
    public Map<String, Object> purchaseCycle() {
        List<Map<String, Object>> rows = fetch("purchase_cycle");
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The rows of segment_validation in the report's order. */
    public List<Map<String, Object>> segmentValidation() {
        return fetch("segment_validation");
    }

    private List<Map<String, Object>> fetch(String name, Object... binds) {
        try {
            return w.dsl().resultQuery(SQL.sql(name), binds).fetch().stream().map(EngineValues::byName).toList();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot read " + name + " from " + w.url() + " ("
                    + Warehouse.firstLine(e.getMessage()) + "): apply the models with ./segments models apply"
                    + " --warehouse URL", e);
        }
    }
}
