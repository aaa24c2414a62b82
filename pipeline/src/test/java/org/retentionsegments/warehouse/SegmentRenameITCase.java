package org.retentionsegments.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF_PLUS_7D;
import static org.retentionsegments.warehouse.WarehouseFixtures.snapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jooq.Record;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.ConfiguredSegment;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.WarehouseRow;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.fixtures.ConfigTexts;

/**
 * Segment names live in the configuration only. Renaming segments in the YAML gives the same
 * segment_summary figure for figure; and with the default configuration revenue_at_risk is what
 * the model computed when it still named the at-risk segments in SQL.
 */
class SegmentRenameITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /** Three of the renamed segments are at risk by default, one is not. */
    private static final Map<String, String> RENAMES = Map.of("At Risk", "Slipping Away",
            "Can't Lose Them", "Big Spenders Gone Quiet", "About to Sleep", "Dozing", "Champions", "Stars");

    private static final List<LifecycleStage> STAGES = List.of(LifecycleStage.ACTIVE, LifecycleStage.NEW,
            LifecycleStage.LAPSING, LifecycleStage.LAPSED, LifecycleStage.REACTIVATED);

    /** segment_summary.revenue_at_risk as the model computed it before segment_config, by name. */
    private static final String AT_RISK_BY_NAME = "SELECT as_of, segment, SUM(CASE"
            + " WHEN lifecycle_stage IN ('lapsing', 'lapsed')"
            + "   OR REPLACE(REPLACE(REPLACE(LOWER(segment), ' ', ''), '_', ''), '''', '')"
            + "      IN ('atrisk', 'cantlosethem', 'abouttosleep')"
            + " THEN monetary ELSE 0 END) AS revenue_at_risk FROM segment_snapshot GROUP BY as_of, segment";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void renamingSegmentsInTheConfigurationKeepsEveryFigure(Engine engine) {
        ConfigBundle renamed = ConfigTexts.classicWithSegmentsRenamed(RENAMES);
        assertEquals(names(org.retentionsegments.core.fixtures.ConfigTexts.classic()).stream().map(n -> RENAMES.getOrDefault(n, n)).toList(),
                names(renamed));

        Map<List<Object>, List<Object>> before = summary(engine, org.retentionsegments.core.fixtures.ConfigTexts.classic(), UnaryOperator.identity());
        Map<List<Object>, List<Object>> after = summary(engine, renamed, n -> RENAMES.getOrDefault(n, n));
        Map<String, String> back = new TreeMap<>();
        RENAMES.forEach((from, to) -> back.put(to, from));
        Map<List<Object>, List<Object>> afterUnderOldNames = new TreeMap<>(SegmentRenameITCase::compareKeys);
        after.forEach((k, v) -> afterUnderOldNames.put(List.of(k.get(0), back.getOrDefault((String) k.get(1), (String) k.get(1))), v));
        assertEquals(before, afterUnderOldNames);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withTheDefaultConfigurationRevenueAtRiskIsWhatTheModelComputedByName(Engine engine) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            write(warehouse, org.retentionsegments.core.fixtures.ConfigTexts.classic(), UnaryOperator.identity());
            Map<List<Object>, BigDecimal> byName = atRisk(warehouse, AT_RISK_BY_NAME);
            Map<List<Object>, BigDecimal> model = atRisk(warehouse,
                    "SELECT as_of, segment, revenue_at_risk FROM segment_summary");
            assertEquals(24, model.size(), "12 segments on 2 refreshes");
            assertEquals(byName, model);
            List<Object> atRisk = List.of(AS_OF.toString(), "At Risk");
            assertTrue(model.get(atRisk).compareTo(atRisk(warehouse, "SELECT as_of, segment, SUM(monetary) FROM"
                    + " segment_snapshot WHERE lifecycle_stage IN ('lapsing', 'lapsed') GROUP BY as_of, segment")
                    .get(atRisk)) > 0, "an at-risk segment counts its active customers too");
        }
    }

    /** segment_summary after writing the same customers under {@code config}'s names. */
    private static Map<List<Object>, List<Object>> summary(Engine engine, ConfigBundle config, UnaryOperator<String> name) {
        try (Warehouse warehouse = WAREHOUSES.open(engine)) {
            write(warehouse, config, name);
            Map<List<Object>, List<Object>> rows = new TreeMap<>(SegmentRenameITCase::compareKeys);
            for (Record r : warehouse.dsl().resultQuery("SELECT * FROM segment_summary").fetch()) {
                List<Object> values = Arrays.asList(r.intoArray());
                rows.put(List.of(String.valueOf(values.get(0)), values.get(1)), values.subList(2, values.size()));
            }
            return rows;
        }
    }

    /** Five customers per default segment (one per lifecycle stage) on two kept refreshes, and the config. */
    private static void write(Warehouse warehouse, ConfigBundle config, UnaryOperator<String> name) {
        List<WarehouseRow> rows = new ArrayList<>(ConfiguredSegment.of(config));
        List<String> segments = names(org.retentionsegments.core.fixtures.ConfigTexts.classic());
        for (int i = 0; i < segments.size() * STAGES.size(); i++) {
            String segment = name.apply(segments.get(i / STAGES.size()));
            LifecycleStage stage = STAGES.get(i % STAGES.size());
            rows.add(snapshot("c" + i, AS_OF, segment, stage, 10.0 + 7 * i));
            rows.add(snapshot("c" + i, AS_OF_PLUS_7D, segment, stage, 3.5 * i));
        }
        new WarehouseWriter(warehouse).write(rows);
        Models.bundled().apply(warehouse);
    }

    private static Map<List<Object>, BigDecimal> atRisk(Warehouse warehouse, String query) {
        Map<List<Object>, BigDecimal> result = new TreeMap<>(SegmentRenameITCase::compareKeys);
        for (Record r : warehouse.dsl().resultQuery(query).fetch()) {
            result.put(List.of(String.valueOf(r.get(0)), r.get(1)), new BigDecimal(r.get(2).toString()).stripTrailingZeros());
        }
        return result;
    }

    private static List<String> names(ConfigBundle config) {
        return config.segments().segments().stream().map(SegmentDefinition::name).toList();
    }

    private static int compareKeys(List<Object> a, List<Object> b) {
        return (a.get(0) + "|" + a.get(1)).compareTo(b.get(0) + "|" + b.get(1));
    }
}
