package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.SegmentDefinition;
import org.retentionsegments.core.fixtures.ConfigTexts;
import org.retentionsegments.core.segment.ConfigCheck;
import org.retentionsegments.core.segment.ConfigCheckReport;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;

/** {@code config check --json} without a warehouse: valid, with findings, and a file that does not load. */
class ConfigCheckJsonTest {

    @TempDir
    Path tmp;

    private static JsonNode check(int exitCode, String... args) throws Exception {
        List<String> words = new ArrayList<>(List.of("config", "check", "--json"));
        words.addAll(List.of(args));
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(words.toArray(String[]::new)));
        assertEquals(exitCode, cli.exitCode(), cli.err() + cli.out());
        assertEquals("", cli.err());
        assertEquals(1, cli.out().lines().count(), cli.out());
        return new ObjectMapper().readTree(cli.out());
    }

    @Test
    void theBuiltInConfigurationIsValidAndListsItsSegmentsInRuleOrder() throws Exception {
        JsonNode json = check(0);

        assertTrue(json.get("valid").asBoolean());
        assertEquals(0, json.get("problems").size());
        ConfigBundle bundle = ConfigBundle.loadDefault();
        List<String> names = new ArrayList<>();
        json.get("segments").forEach(n -> names.add(n.asText()));
        assertEquals(bundle.segments().segments().stream().map(SegmentDefinition::name).toList(), names);
        ConfigCheckReport report = ConfigCheck.run(bundle);
        int cells = 0;
        for (String name : names) {
            assertEquals((int) report.cellsPerSegment().get(name), json.at("/cells_per_segment/" + name).asInt());
            cells += json.at("/cells_per_segment/" + name).asInt();
        }
        assertEquals(125, cells, "every R x F x M cell in one segment");
        assertEquals(bundle.segments().contracts().size(), json.get("contracts_defined").asInt());
        assertTrue(json.get("contracts_checked_as_of").isNull());
        assertTrue(json.get("tiers_as_of").isNull());
    }

    @Test
    void rulesWithFindingsAreInvalidWithOneProblemPerFinding() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("findings"));
        Files.writeString(config.resolve("segments.yaml"), replaceOnce(CLASSIC_SEGMENTS, "when: { r: 5, f: 1 }",
                "when: { r: 5, f: 1, lifecycle: [new, reactivated] }"));
        Files.writeString(config.resolve("strategies.yaml"), ConfigTexts.CLASSIC_STRATEGIES);
        ConfigCheckReport report = ConfigCheck.run(ConfigBundle.load(config));

        JsonNode json = check(1, "--config", config.toString());

        assertFalse(json.get("valid").asBoolean());
        List<String> messages = new ArrayList<>();
        for (JsonNode p : json.get("problems")) {
            assertEquals("segments.yaml", p.get("file").asText());
            assertTrue(p.get("line").isNull());
            if (p.get("kind").asText().equals(ConfigCheckJson.MONOTONICITY)) {
                messages.add(p.get("message").asText());
            }
        }
        assertEquals(report.violations().stream().map(ConfigCheckReport.Violation::describe).toList(), messages);
        assertEquals(240, messages.size());
        assertEquals(report.unreachable().size() + 240, json.get("problems").size());
    }

    @Test
    void aFileThatDoesNotLoadIsOneProblemAtItsFileAndLine() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("invalid"));
        String segments = replaceOnce(CLASSIC_SEGMENTS, "when: { r: 5, f: 1 }", "when: { r: 5, f: 1, q: 2 }");
        Files.writeString(config.resolve("segments.yaml"), segments);
        int line = segments.substring(0, segments.indexOf("q: 2")).split("\n", -1).length;

        JsonNode json = check(1, "--config", config.toString());

        assertFalse(json.get("valid").asBoolean());
        assertEquals(1, json.get("problems").size());
        JsonNode problem = json.get("problems").get(0);
        assertEquals(ConfigCheckJson.INVALID, problem.get("kind").asText());
        assertEquals("segments.yaml", problem.get("file").asText(), problem.toString());
        assertEquals(line, problem.get("line").asInt(), problem.toString());
        assertTrue(problem.get("message").asText().contains("q"), problem.toString());
    }
}
