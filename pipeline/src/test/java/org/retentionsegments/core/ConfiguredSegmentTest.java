package org.retentionsegments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.fixtures.ConfigTexts;

class ConfiguredSegmentTest {

    /** The three segments the model matched by name before segment_config. */
    private static final List<String> AT_RISK_BY_DEFAULT = List.of("About to Sleep", "At Risk", "Can't Lose Them");

    @Test
    void theDefaultsFlagTheThreeAtRiskSegmentsAndNoOther() {
        List<ConfiguredSegment> rows = ConfiguredSegment.of(ConfigBundle.loadDefault().strategies());
        assertEquals(12, rows.size());
        assertEquals(AT_RISK_BY_DEFAULT, rows.stream().filter(ConfiguredSegment::atRisk).map(ConfiguredSegment::segment).toList());
    }

    @Test
    void aRenamedSegmentKeepsItsFlagUnderItsNewName() {
        ConfigBundle renamed = ConfigTexts.withSegmentsRenamed(Map.of("At Risk", "Slipping Away"));
        List<String> flagged = ConfiguredSegment.of(renamed.strategies()).stream()
                .filter(ConfiguredSegment::atRisk).map(ConfiguredSegment::segment).toList();
        assertEquals(List.of("About to Sleep", "Can't Lose Them", "Slipping Away"), flagged);
    }

    @Test
    void atRiskIsFalseUnlessAStrategySaysSo() {
        String strategies = replaceOnce(ConfigTexts.STRATEGIES, "    priority: 9\n    contact_cost: 0.05\n    at_risk: true\n",
                "    priority: 9\n    contact_cost: 0.05\n");
        ConfigBundle config = ConfigTexts.withStrategies(strategies);
        assertFalse(config.strategies().forSegment("About to Sleep").atRisk());
    }
}
