package org.retentionsegments.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.TableChecksums;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.generate.GeneratorConfig;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * Same answers: the content of every warehouse table after a run on CDNOW, on the Online
 * Retail-layout fixture and on a generated business with treatments, with the classic grid of
 * {@code config/classic}, pinned as checksums in
 * {@code regression/checksums.properties}. A change that alters any result fails here; if the
 * change is meant to alter results, say why in its commit and pin the new checksums (the failure
 * message prints them). The refresh runs on 1, 2 and 4 tasks, and on the heap and the RocksDB
 * state backends: each gives the same tables.
 */
class PinnedResultsITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    /**
     * The classic 11-segment grid, the default map when these were pinned: the pins prove that the
     * engine's answers stay the same whatever the default map becomes.
     */
    static final Path CLASSIC = Path.of("..", "config", "classic");

    static final Path CDNOW = Path.of(System.getProperty("segments.cdnow", "../datasets/cdnow/CDNOW_master.txt"));

    @TempDir static Path dir;
    private static Properties pinned;

    @BeforeAll
    static void load() throws Exception {
        pinned = new Properties();
        try (InputStream in = PinnedResultsITCase.class.getResourceAsStream("/regression/checksums.properties")) {
            if (in != null) {
                pinned.load(in);
            }
        }
    }

    @Test
    void cdnow() throws Exception {
        assertTrue(Files.exists(CDNOW), "the CDNOW data set is expected at " + CDNOW.toAbsolutePath());
        check("cdnow", new RunInputs(Map.of(InputKind.ORDERS, CDNOW), List.of("cdnow")), null, 2);
    }

    @ParameterizedTest(name = "on {0} task(s)")
    @ValueSource(ints = {1, 4})
    void onlineRetailLayout(int parallelism) throws Exception {
        RunFixtures.RetailFile file = RunFixtures.onlineRetail(dir.resolve("Online Retail " + parallelism + ".csv"));
        check("online_retail", new RunInputs(Map.of(InputKind.ORDERS, file.path()), List.of("online_retail")),
                RunFixtures.RETAIL_AS_OF, parallelism);
    }

    @ParameterizedTest(name = "on {0} task(s)")
    @ValueSource(ints = {1, 2, 4})
    void generatedBusinessWithTreatments(int parallelism) throws Exception {
        Path generated = Files.createDirectories(dir.resolve("generated-" + parallelism));
        RunFixtures.generate(GeneratorConfig.of(3_000, 400, 7), generated);
        check("generated", RunFixtures.generatedInputs(generated), null, parallelism);
    }

    @Test
    void generatedBusinessOnTheRocksDbStateBackend() throws Exception {
        Path generated = Files.createDirectories(dir.resolve("generated-rocksdb"));
        RunFixtures.generate(GeneratorConfig.of(3_000, 400, 7), generated);
        check("generated", RunFixtures.generatedInputs(generated), null, 2, Map.of("state.backend.type", "rocksdb"));
    }

    private static void check(String dataset, RunInputs inputs, LocalDate asOf, int parallelism) throws Exception {
        check(dataset, inputs, asOf, parallelism, Map.of());
    }

    private static void check(String dataset, RunInputs inputs, LocalDate asOf, int parallelism,
            Map<String, String> flink) throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        BoundedRun.run(new BoundedRun.Options(inputs, CLASSIC, url, asOf, parallelism, flink), System.err);
        for (String table : List.of("customer_segment", "segment_snapshot")) {
            // an arm exactly for the customers of a strategy that runs a program (always_on)
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM " + table + " a JOIN segment_config c"
                    + " ON c.segment = a.segment WHERE (a.arm IS NULL) = c.always_on"), table);
            assertTrue(RunFixtures.count(url, "SELECT COUNT(*) FROM " + table + " WHERE arm IS NULL") > 0,
                    dataset + ": customers of the suppressed segment have no arm in " + table);
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM " + table + " a LEFT JOIN segment_config c"
                    + " ON c.segment = a.segment AND c.in_config WHERE c.segment IS NULL"), "every segment is configured");
        }
        Map<String, String> actual = TableChecksums.of(url);
        Map<String, String> expected = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        actual.forEach((table, sum) -> {
            expected.put(table, pinned.getProperty(dataset + "." + table));
            lines.add(dataset + "." + table + " = " + sum);
        });
        assertEquals(expected, new TreeMap<>(actual),
                "warehouse content of the " + dataset + " run on " + parallelism + " task(s) " + flink + "; to pin it:\n" + String.join("\n", lines));
    }
}
