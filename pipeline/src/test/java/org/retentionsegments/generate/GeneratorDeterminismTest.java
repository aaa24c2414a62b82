package org.retentionsegments.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {

    private static final GeneratorConfig CONFIG = GeneratorConfig.of(3_000, 400, 7).withPlantedLift(0.05);
    private static final List<String> FILES = List.of(
            Generator.CUSTOMERS_FILE, Generator.ORDERS_FILE, Generator.ENGAGEMENT_FILE, Generator.TREATMENTS_FILE);

    @TempDir
    Path tmp;

    @Test
    void sameConfigGivesIdenticalBytes() {
        GeneratedData first = GeneratedData.generate(CONFIG, tmp.resolve("a"));
        GeneratedData second = GeneratedData.generate(CONFIG, tmp.resolve("b"));
        for (String file : FILES) {
            assertArrayEquals(first.bytes(file), second.bytes(file), file);
        }
        assertEquals(first.summary(), second.summary());
    }

    @Test
    void otherSeedGivesOtherData() {
        GeneratedData first = GeneratedData.generate(CONFIG, tmp.resolve("a"));
        GeneratedData other = GeneratedData.generate(
                new GeneratorConfig(3_000, 400, 8, CONFIG.endDate(), 0.05, 0.2), tmp.resolve("b"));
        for (String file : FILES) {
            assertFalse(Arrays.equals(first.bytes(file), other.bytes(file)), file);
        }
    }

    @Test
    void aCustomersRowsDoNotDependOnHowManyCustomersAreGenerated() {
        GeneratedData small = GeneratedData.generate(
                new GeneratorConfig(1_000, 400, 7, CONFIG.endDate(), 0.05, 0.2), tmp.resolve("small"));
        GeneratedData large = GeneratedData.generate(CONFIG, tmp.resolve("large"));
        for (String file : FILES) {
            List<String> fromSmall = small.rows(file).stream().map(r -> String.join(",", r)).toList();
            List<String> fromLarge = large.rows(file).stream().map(r -> String.join(",", r)).toList();
            assertTrue(fromLarge.size() > fromSmall.size(), file);
            assertEquals(fromSmall, fromLarge.subList(0, fromSmall.size()), file);
        }
    }
}
