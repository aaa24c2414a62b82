package org.retentionsegments.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts the report's pictures share as ECharts options: a title inside the chart (wrapped on a
 * phone), a scrolling legend under it, a grid that keeps the axis labels inside, axes named with
 * their units, and the colour scale of a heat map.
 */
final class ChartParts {

    /** Pixels above the plot: the title, and the legend under it when there is one. */
    static final int TOP = 40;
    static final int TOP_WITH_LEGEND = 66;
    static final String ACCENT = "#c0392b";
    /** Twelve distinguishable colours (ECharts' own nine repeat from the tenth segment on). */
    static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f3b73", "#86bc86");

    private ChartParts() {}

    /** An option with a title, a tooltip and a grid; the caller adds the axes and the series. */
    static Map<String, Object> option(String title, boolean legend, String trigger) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("color", PALETTE);
        o.put("title", Map.of("text", title, "left", 0, "top", 0, "textStyle",
                Map.of("fontSize", 14, "width", 380, "overflow", "break")));
        o.put("tooltip", Map.of("trigger", trigger, "confine", true));
        if (legend) {
            o.put("legend", Map.of("type", "scroll", "top", 22, "left", 0, "right", 0));
        }
        o.put("grid", grid(legend ? TOP_WITH_LEGEND : TOP, 30));
        return o;
    }

    static Map<String, Object> grid(int top, int bottom) {
        return Map.of("left", 8, "right", 28, "top", top, "bottom", bottom, "containLabel", true);
    }

    /** A value axis named with its unit; {@code middle}: the name under the axis (an x axis). */
    static Map<String, Object> valueAxis(String name, boolean middle) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "value");
        axis.put("name", name);
        if (middle) {
            axis.put("nameLocation", "middle");
            axis.put("nameGap", 26);
        }
        return axis;
    }

    /** A category axis whose labels are cut to {@code width} pixels (long segment names on a phone). */
    static Map<String, Object> categoryAxis(String name, List<String> labels, int width, int rotate) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "category");
        axis.put("name", name);
        axis.put("data", labels);
        axis.put("axisLabel", Map.of("interval", 0, "width", width, "overflow", "truncate", "rotate", rotate,
                "fontSize", 11));
        return axis;
    }

    /** A heat map's colour scale over dimension {@code dimension} of the data, from 0 to {@code max}. */
    static Map<String, Object> colourScale(double max, int dimension, String low, String high) {
        Map<String, Object> scale = new LinkedHashMap<>(Map.of("type", "continuous", "min", 0, "max", max <= 0 ? 1 : max,
                "dimension", dimension, "calculable", false, "orient", "horizontal", "left", "center", "bottom", 0));
        scale.put("itemHeight", 120);
        scale.put("text", List.of(high, low));
        scale.put("inRange", Map.of("color", List.of("#f4f8fb", "#2b6cb0", "#102a4c")));
        return scale;
    }

    /** Labels drawn on heat map cells: dark text with a light halo, readable on any cell colour. */
    static Map<String, Object> cellLabel(String formatter) {
        return Map.of("show", true, "formatter", formatter, "fontSize", 10, "lineHeight", 13, "color", "#111",
                "textBorderColor", "#fff", "textBorderWidth", 2);
    }

    /** To 2 decimals: plenty for a chart. */
    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
