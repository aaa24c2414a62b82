package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.PIPELINE;
import static org.retentionsegments.core.fixtures.ConfigTexts.SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.STRATEGIES;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.TierMethod;
import org.retentionsegments.core.fixtures.ConfigTexts;

class ConfigBundleTest {

    @Test
    void defaultConfigurationLoadsWithDocumentedValues() {
        ConfigBundle config = ConfigBundle.loadDefault();
        PipelineConfig p = config.pipeline();
        assertEquals(365, p.windowDays());
        assertEquals(1, p.cadenceDays());
        assertEquals(SnapshotPolicy.MONTH, p.snapshotEvery());
        assertEquals(1095, p.forgetAfterDays());
        assertEquals(Duration.ofDays(1), p.futureSkew());
        assertEquals(ZoneOffset.UTC.normalized(), p.timezone().normalized());
        assertEquals(StandardCharsets.UTF_8, p.inputEncoding());
        assertEquals(LocalDate.of(1970, 1, 1), p.earliestDate());
        assertEquals(TierMethod.QUANTILE, p.scoring().recency().method());
        assertEquals(3.0, p.scoring().composite(5, 1, 3), 1e-12);

        List<String> names = config.segments().segments().stream()
                .map(SegmentDefinition::name).toList();
        assertEquals(List.of("Prospects", "New", "Reactivated", "Champions", "Can't Lose Them", "Loyal",
                "Potential Loyalist", "Promising", "At Risk", "Hibernating", "Lost"), names);
        assertTrue(config.segments().get(names.size() - 1).catchAll());

        Strategy top = config.strategies().forSegment("Can't Lose Them");
        assertEquals(1, top.priority());
        assertTrue(top.highTouch());
        assertEquals("always_on", top.programId());
        assertEquals("always_on", top.salt());
        Strategy lost = config.strategies().forSegment("Lost");
        assertTrue(lost.suppress());
        assertFalse(lost.alwaysOn());
        assertFalse(lost.incentive().paid());
        for (SegmentDefinition segment : config.segments().segments()) {
            assertTrue(config.strategies().forSegment(segment.name()) != null, segment.name());
        }
    }

    @Test
    void loadFromDirectoryOverridesOnlyTheFilesPresent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pipeline.yaml"),
                replaceOnce(PIPELINE, "window_days: 365", "window_days: 180"));
        ConfigBundle config = ConfigBundle.load(dir);
        assertEquals(180, config.pipeline().windowDays());
        assertEquals(11, config.segments().size());
        assertTrue(config.sources().contains("segments.yaml (built-in default)"),
                config.sources());
    }

    @Test
    void loadFromAMissingDirectorySaysWhatWasExpected(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigBundle.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void emptyPipelineFileMeansAllDefaults() {
        PipelineConfig p = ConfigTexts.withPipeline("").pipeline();
        assertEquals(365, p.windowDays());
        assertEquals(30.0, p.defaultCycleDays());
        assertEquals(0.3, p.flags().highReturnShare());
        assertEquals(StandardCharsets.UTF_8, p.inputEncoding());
        assertEquals(LocalDate.of(1970, 1, 1), p.earliestDate());
    }

    @Test
    void inputEncodingAndEarliestDateParse() {
        PipelineConfig latin = ConfigTexts.withPipeline("input_encoding: Latin-1\nearliest_date: 2001-02-03\n").pipeline();
        assertEquals(StandardCharsets.ISO_8859_1, latin.inputEncoding());
        assertEquals(LocalDate.of(2001, 2, 3), latin.earliestDate());
        assertEquals(StandardCharsets.ISO_8859_1,
                ConfigTexts.withPipeline("input_encoding: iso-8859-1\n").pipeline().inputEncoding());
        assertEquals(Charset.forName("windows-1252"),
                ConfigTexts.withPipeline("input_encoding: windows-1252\n").pipeline().inputEncoding());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertEquals(yesterday,
                ConfigTexts.withPipeline("earliest_date: " + yesterday + "\n").pipeline().earliestDate());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTexts.withPipeline("earliest_date: " + today + "\n"));
        assertTrue(e.getMessage().endsWith("earliest_date " + today + " must be before today"), e.getMessage());
    }

    @Test
    void fixedAndCycleTierMethodsParse() {
        String text = replaceOnce(PIPELINE, "  recency:\n    method: quantile",
                "  recency:\n    method: cycle\n    multiples: [0.5, 1, 2, 4]");
        text = replaceOnce(text, "  monetary:\n    method: quantile",
                "  monetary:\n    method: fixed\n    thresholds: [50, 100, 250, 1000]");
        ScoringConfig scoring = ConfigTexts.withPipeline(text).pipeline().scoring();
        assertEquals(TierMethod.CYCLE, scoring.recency().method());
        assertEquals(1000.0, scoring.monetary().values()[3]);
        assertEquals(TierMethod.QUANTILE, scoring.frequency().method());
    }

    @Test
    void snapshotPolicyKeepsFirstRefreshOfPeriodAndTheFinalOne() {
        var jan31 = java.time.LocalDate.of(2024, 1, 31);
        var feb1 = java.time.LocalDate.of(2024, 2, 1);
        var feb2 = java.time.LocalDate.of(2024, 2, 2);
        assertTrue(SnapshotPolicy.MONTH.keeps(null, jan31, false));
        assertTrue(SnapshotPolicy.MONTH.keeps(jan31, feb1, false));
        assertFalse(SnapshotPolicy.MONTH.keeps(feb1, feb2, false));
        assertTrue(SnapshotPolicy.MONTH.keeps(feb1, feb2, true));
        // 2024-02-04 is a Sunday, 2024-02-05 a Monday (new ISO week)
        var sun = java.time.LocalDate.of(2024, 2, 4);
        var mon = java.time.LocalDate.of(2024, 2, 5);
        assertFalse(SnapshotPolicy.WEEK.keeps(feb2, sun, false));
        assertTrue(SnapshotPolicy.WEEK.keeps(sun, mon, false));
        assertTrue(SnapshotPolicy.REFRESH.keeps(feb1, feb2, false));
    }

    @Test
    void strategiesAndSegmentsAreCheckedAgainstEachOther() {
        String segments = replaceOnce(SEGMENTS, "  - name: Lost\n", "  - name: Gone\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigBundle.parse(PIPELINE, segments, STRATEGIES, "test"));
        assertEquals("strategies.yaml: line 156: strategy 'Lost': names no segment of segments.yaml",
                e.getMessage());
    }
}
