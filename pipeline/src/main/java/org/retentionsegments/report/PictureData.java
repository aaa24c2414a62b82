package org.retentionsegments.report;

import java.time.LocalDate;
import java.util.List;
import org.retentionsegments.warehouse.PictureQueries;
import org.retentionsegments.warehouse.PictureQueries.RfCell;
import org.retentionsegments.warehouse.PictureQueries.Size;
import org.retentionsegments.warehouse.PictureQueries.ValueCount;
import org.retentionsegments.warehouse.Warehouse;

/**
 * What the HTML report's pictures read beyond {@link ReportData}, once, for the kept refresh
 * {@code asOf}: customers per segment at every kept refresh up to it, its R x F grid and raw R, F
 * and M values.
 */
record PictureData(List<Size> sizes, List<RfCell> grid, List<ValueCount> values) {

    PictureData {
        sizes = List.copyOf(sizes);
        grid = List.copyOf(grid);
        values = List.copyOf(values);
    }

    /** Reads them. */
    static PictureData load(Warehouse w, LocalDate asOf) {
        PictureQueries q = new PictureQueries(w);
        return new PictureData(q.sizes(asOf), q.rfGrid(asOf), q.scoreValues(asOf));
    }
}
