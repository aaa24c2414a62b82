package org.retentionsegments.report;

import java.util.List;
import java.util.Map;
import org.retentionsegments.warehouse.BudgetQueries.Line;

/** The Budget section's picture: per segment, today's spread against the same money moved (ECharts bars). */
final class BudgetChart {

    private BudgetChart() {}

    /**
     * Today's money against the moved money per segment, as side-by-side horizontal bars, over the
     * segments that have either; null when the plan moves nothing.
     */
    static ClusterCharts.Chart of(BudgetSection.Budget b) {
        if (!BudgetSection.moves(b)) {
            return null;
        }
        BudgetPlan plan = b.plan();
        List<Line> shown = plan.lines().stream().filter(l -> l.todayCost() >= 0.5 || l.allocated() >= 0.5).toList();
        if (shown.isEmpty()) {
            return null;
        }
        Map<String, Object> o = ChartParts.option("Today's spread and the same money moved, per segment", true, "axis");
        o.put("grid", ChartParts.grid(ChartParts.TOP_WITH_LEGEND, 34));
        o.put("xAxis", ChartParts.valueAxis("money per " + plan.periodDays() + " days ($)", true));
        Map<String, Object> y = ChartParts.categoryAxis("", shown.stream().map(Line::segment).toList(), 130, 0);
        y.put("inverse", true);
        o.put("yAxis", y);
        o.put("series", List.of(
                Map.of("type", "bar", "name", "today", "data",
                        shown.stream().map(l -> ChartParts.round(l.todayCost())).toList()),
                Map.of("type", "bar", "name", "moved", "data",
                        shown.stream().map(l -> ChartParts.round(l.allocated())).toList())));
        return new ClusterCharts.Chart("pic-budget", "Budget: today and moved", "For each segment the treatment cost"
                + " of the last " + plan.periodDays() + " days (today) and what the same total would give it moved by"
                + " measured incremental revenue per unit of cost (moved); a segment without a moved bar gets"
                + " nothing, for the reason the table gives.", o);
    }
}
