package org.retentionsegments.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    private static final GeneratorConfig TWO_YEARS = GeneratorConfig.of(100, 730, 1);

    @Test
    void periodEndsAtMidnightAfterTheEndDate() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), TWO_YEARS.periodEnd());
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), TWO_YEARS.periodStart());
    }

    @Test
    void programRunsNinetyDaysBeforeTheEnd() {
        assertEquals(Instant.parse("2025-10-03T00:00:00Z"), TWO_YEARS.treatedAt());
        assertEquals("winback_2025q4", TWO_YEARS.programId());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.of(0, 730, 1));
        assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.of(10, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> TWO_YEARS.withPlantedLift(-0.1));
        assertThrows(IllegalArgumentException.class, () -> TWO_YEARS.withPlantedLift(1));
        assertThrows(IllegalArgumentException.class, () -> TWO_YEARS.withHoldoutShare(0));
        assertThrows(IllegalArgumentException.class, () -> TWO_YEARS.withEndDate(null));
    }
}
