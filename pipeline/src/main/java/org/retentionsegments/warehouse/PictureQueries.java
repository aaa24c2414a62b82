package org.retentionsegments.warehouse;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The reads behind the pictures of the HTML report that no model view holds: customers per segment
 * at every kept refresh, the R x F grid and the raw values behind the scores of one refresh. Every statement is a file of
 * {@code warehouse-models/queries/report}; days reach them only as bind values.
 */
public final class PictureQueries {

    static final String FOLDER = "warehouse-models/queries/report";

    private static final SqlFiles.Queries SQL = SqlFiles.queries(FOLDER);

    /** Customers of a segment at a kept refresh. */
    public record Size(LocalDate asOf, String segment, long customers) {}

    /** One cell of the R x F grid: its customers and their average window monetary value (money). */
    public record RfCell(int r, int f, long customers, Double avgMonetary) {}

    /** Customers with one raw value of a dimension ({@code recency}, {@code frequency}, {@code monetary}). */
    public record ValueCount(String dimension, double value, long customers) {}

    private final Warehouse w;

    public PictureQueries(Warehouse w) {
        this.w = w;
    }

    /** Customers per segment at every kept refresh up to {@code asOf}, by day then segment. */
    public List<Size> sizes(LocalDate asOf) {
        return fetch("segment_sizes", asOf.toString()).stream()
                .map(r -> new Size(r.get("as_of", LocalDate.class), r.get("segment", String.class),
                        r.get("customers", Long.class)))
                .toList();
    }

    /** The scored customers of the refresh {@code asOf} by R and F score. */
    public List<RfCell> rfGrid(LocalDate asOf) {
        return fetch("rf_grid", asOf.toString()).stream()
                .map(r -> new RfCell(r.get("r_score", Integer.class), r.get("f_score", Integer.class),
                        r.get("customers", Long.class), r.get("avg_monetary", Double.class)))
                .toList();
    }

    /** The raw recency, frequency and monetary values of the refresh {@code asOf} and their customers. */
    public List<ValueCount> scoreValues(LocalDate asOf) {
        return fetch("score_values", asOf.toString()).stream()
                .map(r -> new ValueCount(r.get("dimension", String.class), r.get("value", Double.class),
                        r.get("customers", Long.class)))
                .toList();
    }

    private List<Record> fetch(String name, Object... binds) {
        String sql = SQL.sql(name);
        try {
            return w.dsl().resultQuery(sql, binds).fetch();
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot read " + name + " from " + Warehouse.displayUrl(w.url()) + " ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "): apply the models with ./segments models apply --warehouse URL", e);
        }
    }
}
