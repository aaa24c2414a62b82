package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.warehouse.PictureQueries;
import org.retentionsegments.warehouse.PictureQueries.RfCell;
import org.retentionsegments.warehouse.PictureQueries.Size;
import org.retentionsegments.warehouse.PictureQueries.ValueCount;
import org.retentionsegments.warehouse.Warehouse;

/**
 * What the HTML report's pictures read beyond {@link ReportData}, once, for the kept refresh
 * {@code asOf}: customers per segment at every kept refresh up to it, its R x F grid and raw R, F
 * and M values, and the half-widths of the incremental revenue's intervals by program and segment.
 */
record PictureData(List<Size> sizes, List<RfCell> grid, List<ValueCount> values,
        Map<String, Map<String, Double>> margins) {

    PictureData {
        sizes = List.copyOf(sizes);
        grid = List.copyOf(grid);
        values = List.copyOf(values);
        margins = Map.copyOf(margins);
    }

    /** Reads them; the margins only when {@code lift} (holdout_lift has rows), as they scan every treatment. */
    static PictureData load(Warehouse w, LocalDate asOf, boolean lift) {
        PictureQueries q = new PictureQueries(w);
        Map<String, Map<String, Double>> margins = new HashMap<>();
        if (lift) {
            q.revenueMargins().stream().filter(m -> m.margin() != null)
                    .forEach(m -> margins.computeIfAbsent(m.program(), p -> new HashMap<>()).put(m.segment(), m.margin()));
        }
        return new PictureData(q.sizes(asOf), q.rfGrid(asOf), q.scoreValues(asOf), margins);
    }
}
