package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;
import static org.retentionsegments.warehouse.ContractFixtures.CURRENT_LINES;
import static org.retentionsegments.warehouse.ContractFixtures.SEGMENTS_WITH_CONTRACTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.report.StrategyReport;
import org.retentionsegments.warehouse.ContractFixtures;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.Models;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;
import org.retentionsegments.warehouse.WarehouseWriter;

/**
 * {@code config check --warehouse} on a warehouse of known rows (DuckDB and PostgreSQL): one line
 * per contract and the exit code; and the report's warnings about the failing ones.
 */
class ConfigCheckContractsITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failingContractsAreListedWithTheirFiguresAndExitNonZero(Engine engine) throws Exception {
        String url = filled(engine);
        Captured check = check(SEGMENTS_WITH_CONTRACTS, "--warehouse", url);
        assertEquals(1, check.exitCode(), check.err());
        List<String> lines = check.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("CONTRACTS")).findFirst().orElseThrow());
        assertEquals("CONTRACTS   (the refresh as of 2024-03-01 in " + Warehouse.displayUrl(url) + ": 3 pass, 3 fail)",
                lines.get(at));
        assertEquals(CURRENT_LINES, lines.subList(at + 1, at + 1 + CURRENT_LINES.size()));
        assertFalse(check.out().contains("OK:"), check.out());
        assertEquals(List.of("error: 3 of 6 segment contracts fail on the refresh as of 2024-03-01 (see CONTRACTS"
                + " above)"), check.err().lines().toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theJsonListsEveryContractAndOneProblemPerFailingOne(Engine engine) throws Exception {
        String url = filled(engine);
        Captured check = check(SEGMENTS_WITH_CONTRACTS, "--warehouse", url, "--json");
        assertEquals(1, check.exitCode(), check.err());
        assertEquals("", check.err());
        JsonNode json = new ObjectMapper().readTree(check.out());
        assertFalse(json.get("valid").asBoolean());
        assertEquals("2024-03-01", json.get("contracts_checked_as_of").asText());
        assertTrue(json.get("tiers_as_of").isNull(), "the rows hold no score_boundary: no tiers to judge");
        List<String> lines = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (JsonNode c : json.get("contracts")) {
            lines.add((c.get("passed").asBoolean() ? "  PASS  " : "  FAIL  ") + c.get("line").asText());
            if (!c.get("passed").asBoolean()) {
                failing.add(c.get("line").asText());
            }
        }
        assertEquals(CURRENT_LINES, lines);
        List<String> problems = new ArrayList<>();
        for (JsonNode p : json.get("problems")) {
            assertEquals(ConfigCheckJson.CONTRACT_FAILS, p.get("kind").asText());
            problems.add(p.get("message").asText());
        }
        assertEquals(failing, problems);
        assertEquals(3, problems.size());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void contractsThatHoldExitZero(Engine engine) throws Exception {
        String url = filled(engine);
        String holding = replaceOnce(SEGMENTS_WITH_CONTRACTS, "    expect: { lifecycle: new, share_at_least: 0.9 }\n",
                "    expect: { lifecycle: [new, active], recency_days: 0-60 }\n");
        holding = replaceOnce(holding, "      - { min_size: 1000, recency_days: 0-120, share_at_least: 0.6 }\n"
                + "      - { frequency: 5+, monetary: 100-500 }\n", "      - { min_size: 3 }\n");
        Captured check = check(holding, "--warehouse", url);
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("(the refresh as of 2024-03-01 in " + Warehouse.displayUrl(url)
                + ": 4 pass, 0 fail)\n"
                + "  PASS  Prospects: 1 of 1 customers (100 %) are lifecycle prospect (expected all)\n"
                + "  PASS  Champions: 3 customers (expected at least 3)\n"
                + "  PASS  Loyal: no customers, nothing to check (high_return_rate false)\n"
                + "  PASS  New: 3 of 3 customers (100 %) are lifecycle new or active and recency 0-60 days"
                + " (expected all)\n"), check.out());
        assertTrue(check.out().endsWith("OK: every customer lands in exactly one segment, every segment is reachable"
                + " and has a strategy; every segment contract holds as of 2024-03-01.\n"), check.out());
        assertEquals("", check.err());
    }

    @Test
    void withoutAWarehouseTheContractsAreOnlyValidated() throws Exception {
        Captured check = check(SEGMENTS_WITH_CONTRACTS);
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("\nCONTRACTS: 6 contracts in segments.yaml, valid; pass --warehouse JDBC_URL"
                + " to check them on the latest refresh\n"), check.out());
        Captured shipped = RunFixtures.capture(() -> Segments.commandLine().execute("config", "check"));
        assertEquals(0, shipped.exitCode(), shipped.err());
        assertTrue(shipped.out().contains("\nCONTRACTS: 7 contracts in segments.yaml, valid; pass --warehouse JDBC_URL"
                + " to check them on the latest refresh\n"), "the shipped default's contracts: " + shipped.out());
        Captured none = check(org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS);
        assertTrue(none.out().contains("\nCONTRACTS: none in segments.yaml (expect: states what must hold for a"
                + " segment's customers)\n"), none.out());
    }

    @Test
    void aMissingDuckDbFileIsRefusedInOneLineAndNotCreated() throws Exception {
        Path missing = tmp.resolve("nowhere.duckdb");
        Captured check = check(SEGMENTS_WITH_CONTRACTS, "--warehouse", "jdbc:duckdb:" + missing);
        assertEquals(1, check.exitCode());
        assertEquals(List.of("error: no warehouse at " + missing + ": run `./segments run` or `./segments demo`"
                + " first, or pass --warehouse (the demo's is jdbc:duckdb:demo/segments.duckdb)"),
                check.err().lines().toList());
        assertFalse(Files.exists(missing));
    }

    @Test
    void aWarehouseWithoutARefreshSaysSo() throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        try (Warehouse w = Warehouse.open(url)) {
            Models.bundled().apply(w);
        }
        Captured check = check(SEGMENTS_WITH_CONTRACTS, "--warehouse", url);
        assertEquals(1, check.exitCode());
        assertEquals(List.of("error: no refresh in " + Warehouse.displayUrl(url) + " to check the segment contracts on:"
                + " run ./segments run first"), check.err().lines().toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theReportWarnsAboutEveryFailingContract(Engine engine) throws Exception {
        ConfigBundle config = ConfigBundle.load(configDir(SEGMENTS_WITH_CONTRACTS));
        String text;
        String html;
        try (Warehouse w = Warehouse.open(filled(engine))) {
            StrategyReport report = StrategyReport.load(w, config, null);
            text = report.text();
            html = report.html();
        }
        assertTrue(text.contains("Contracts:   3 of 6 contracts of segments.yaml (expect:) fail on this refresh: see"
                + " CONTRACTS\n"), text);
        assertTrue(text.contains("\nCONTRACTS   (expect: in segments.yaml, failing on this refresh)\n---------\n"
                + "WARNING: Champions: 3 customers, expected at least 1,000\n"
                + "WARNING: Champions: 1 of 3 customers (33 %) are frequency 5+ and monetary 100-500, expected all\n"
                + "WARNING: New: 67 % of 3 customers are lifecycle new, expected at least 90 %\n\nSEGMENTS"), text);
        assertTrue(html.contains("<dt>Contracts</dt><dd>3 of 6 contracts of segments.yaml (expect:) fail on this"
                + " refresh: see CONTRACTS</dd>"), html);
        assertTrue(html.contains("<h2 id=\"contracts\">Contracts</h2>") && html.contains("<ul class=\"warn\">\n"
                + "<li>WARNING: Champions: 3 customers, expected at least 1,000</li>\n"
                + "<li>WARNING: Champions: 1 of 3 customers (33 %) are frequency 5+ and monetary 100-500, expected"
                + " all</li>\n<li>WARNING: New: 67 % of 3 customers are lifecycle new, expected at least 90 %</li>\n"
                + "</ul>\n"), html);

        try (Warehouse w = Warehouse.open(filled(engine))) {
            String plain = StrategyReport.load(w, org.retentionsegments.core.fixtures.ConfigTexts.classic(), null).text();
            assertFalse(plain.contains("Contracts:") || plain.contains("CONTRACTS"), "no contracts, no block: " + plain);
        }
    }

    /** A fresh warehouse with {@link ContractFixtures#rows()} and the models applied; its URL. */
    private static String filled(Engine engine) {
        String url = WAREHOUSES.freshUrl(engine);
        try (Warehouse w = Warehouse.open(url)) {
            new WarehouseWriter(w).write(ContractFixtures.rows());
            Models.bundled().apply(w);
        }
        return url;
    }

    private Path configDir(String segments) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "config");
        Files.writeString(dir.resolve("segments.yaml"), segments);
        Files.writeString(dir.resolve("strategies.yaml"), org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_STRATEGIES);
        return dir;
    }

    private Captured check(String segments, String... options) throws Exception {
        Path dir = configDir(segments);
        String[] args = new String[3 + options.length];
        args[0] = "config";
        args[1] = "check";
        args[2] = "--config=" + dir;
        System.arraycopy(options, 0, args, 3, options.length);
        return RunFixtures.capture(() -> Segments.commandLine().execute(args));
    }
}
