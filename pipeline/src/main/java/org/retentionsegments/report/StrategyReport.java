package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.warehouse.Warehouse;

/** The SEGMENTATION STRATEGY report, read from the warehouse views. */
public final class StrategyReport {

    private final String text;

    private StrategyReport(String text) {
        this.text = text;
    }

    /** Loads the report of the refresh {@code asOf}, or of the latest one when null. */
    public static StrategyReport load(Warehouse warehouse, ConfigBundle config, LocalDate asOf) {
        var dsl = warehouse.dsl();
        LocalDate day = asOf != null ? asOf
                : dsl.select(DSL.max(DSL.field("as_of", LocalDate.class))).from("segment_summary").fetchOne(0, LocalDate.class);
        StringBuilder out = new StringBuilder();
        out.append("SEGMENTATION STRATEGY\n=====================\n");
        if (day == null) {
            return new StrategyReport(out + "No refresh in the warehouse yet: run ./segments run first.\n");
        }
        Result<Record> segments = dsl.select().from("segment_summary")
                .where(DSL.field("as_of").eq(day)).orderBy(DSL.field("customers").desc()).fetch();
        out.append("As of:      ").append(day).append('\n');
        out.append("Segments:   ").append(segments.size()).append("\n\nSEGMENTS\n--------\n");
        for (Record r : segments) {
            out.append(String.format("Segment: %s%n  Size:     %,d / %.1f %% of customers, %.1f %% of revenue%n",
                    r.get("segment"), r.get("customers", Long.class),
                    100 * r.get("customer_share", Double.class), 100 * r.get("revenue_share", Double.class)));
        }
        List<Record> lift = dsl.select().from("holdout_lift").orderBy(DSL.field("program_id"), DSL.field("segment")).fetch();
        out.append("\nHOLDOUT LIFT\n------------\n");
        for (Record r : lift) {
            out.append(String.format("%s  %s  treated %d  holdout %d  lift %s%n", r.get("program_id"), r.get("segment"),
                    r.get("treated_customers", Long.class), r.get("holdout_customers", Long.class), r.get("lift")));
        }
        return new StrategyReport(out.toString());
    }

    public String text() {
        return text;
    }
}
