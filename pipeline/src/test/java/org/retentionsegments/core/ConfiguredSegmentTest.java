package org.retentionsegments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.fixtures.ConfigTexts;

class ConfiguredSegmentTest {

    /** The three segments the model matched by name before segment_config. */
    private static final List<String> AT_RISK_BY_DEFAULT = List.of("At Risk", "Can't Lose Them");

    @Test
    void theDefaultsFlagTheTwoAtRiskSegmentsAndNoOther() {
        List<ConfiguredSegment> rows = ConfiguredSegment.of(ConfigBundle.loadDefault());
        assertEquals(11, rows.size());
        assertEquals(AT_RISK_BY_DEFAULT, rows.stream().filter(ConfiguredSegment::atRisk).map(ConfiguredSegment::segment).sorted().toList());
    }

    @Test
    void theRowsFollowSegmentsYamlAndOnlyAlwaysOnStrategiesNameAProgram() {
        ConfigBundle config = ConfigBundle.loadDefault();
        List<ConfiguredSegment> rows = ConfiguredSegment.of(config);
        assertEquals(config.segments().segments().stream().map(d -> d.name()).toList(),
                rows.stream().map(ConfiguredSegment::segment).toList());
        assertEquals(IntStream.rangeClosed(1, 11).boxed().toList(),
                rows.stream().map(ConfiguredSegment::segmentOrder).toList());
        for (ConfiguredSegment row : rows) {
            assertEquals(config.strategies().forSegment(row.segment()), row.strategy());
            assertEquals(row.strategy().alwaysOn() ? row.strategy().programId() : null, row.programId(), row.segment());
        }
        ConfiguredSegment lost = rows.get(10);
        assertEquals("Lost", lost.segment());
        assertNull(lost.programId(), "the suppressed segment runs no program");
        assertEquals("always_on", rows.get(1).programId());
    }

    @Test
    void aRenamedSegmentKeepsItsFlagUnderItsNewName() {
        ConfigBundle renamed = ConfigTexts.withSegmentsRenamed(Map.of("At Risk", "Slipping Away"));
        List<String> flagged = ConfiguredSegment.of(renamed).stream()
                .filter(ConfiguredSegment::atRisk).map(ConfiguredSegment::segment).sorted().toList();
        assertEquals(List.of("Can't Lose Them", "Slipping Away"), flagged);
    }

    @Test
    void atRiskIsFalseUnlessAStrategySaysSo() {
        String strategies = replaceOnce(ConfigTexts.STRATEGIES, "    priority: 2\n    contact_cost: 0.15\n    at_risk: true\n",
                "    priority: 2\n    contact_cost: 0.15\n");
        ConfigBundle config = ConfigTexts.withStrategies(strategies);
        assertFalse(config.strategies().forSegment("At Risk").atRisk());
    }
}
