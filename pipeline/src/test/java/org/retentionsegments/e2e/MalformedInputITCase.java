package org.retentionsegments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.lines;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.cli.Segments;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * Bad input never stops a run: every bad row lands in rejected_input with its reason and raw
 * line, duplicates are counted, and the accounting adds up per source. Bad command lines and
 * configurations fail with one clear error line.
 */
class MalformedInputITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final String HEADER = "order_id,customer_id,order_ts,amount,line_no,category,channel,discount";
    private static final String DUPLICATE = "g1,c1,2024-03-01T10:00:00Z,20.00,2,home,web,0";
    private static final String FUTURE_ORDER = "b7,c4,2999-01-01T00:00:00Z,10.00,1,home,web,0";
    private static final String FUTURE_EVENT =
            "{\"customer_id\":\"c2\",\"event_ts\":\"2999-01-01T00:00:00Z\",\"event_type\":\"email_click\",\"event_id\":\"e7\"}";

    /** Bad order lines and the reason each must be rejected with. */
    private static final Map<String, String> BAD_ORDERS = Map.of(
            "b1,,2024-03-05T10:00:00Z,12.00,1,home,web,0", "missing customer_id",
            "b2,c4,2024-03-06T10:00:00Z,NaN,1,home,web,0", "amount is not a finite number: NaN",
            "b3,c4,2024-03-07T10:00:00Z,abc,1,home,web,0", "amount is not a finite number: abc",
            "b4,c4,2023-02-30T10:00:00Z,10.00,1,home,web,0",
                    "order_ts is not a valid ISO-8601 timestamp: 2023-02-30T10:00:00Z",
            "b5,c4,2024-03-08T10:00:00Z,10.00", "expected 8 columns, found 4",
            "this is not an order line", "expected 8 columns, found 1",
            "b8,c4,2024-03-09T10:00:00Z,10.00,1,\"home,web,0", "unterminated quote in CSV line");

    private static final Map<String, String> BAD_EVENTS = Map.of(
            "not json", "not a JSON object",
            "[1, 2]", "not a JSON object",
            "{\"event_ts\":\"2024-04-01T08:00:00Z\",\"event_type\":\"email_open\",\"event_id\":\"e4\"}", "missing customer_id",
            "{\"customer_id\":\"c2\",\"event_ts\":\"2024-04-01T08:00:00Z\",\"event_id\":\"e5\"}", "missing event_type",
            "{\"customer_id\":\"c2\",\"event_ts\":\"yesterday\",\"event_type\":\"email_click\",\"event_id\":\"e6\"}",
                    "event_ts is not a valid ISO-8601 timestamp: yesterday");

    @TempDir Path dir;

    @Test
    void badRowsAreRejectedWithTheirReasonAndTheRunFinishes() throws Exception {
        Path orders = orders();
        Path engagement = lines(dir.resolve("engagement.jsonl"),
                "{\"customer_id\":\"c1\",\"event_ts\":\"2024-04-05T08:00:00Z\",\"event_type\":\"email_open\",\"event_id\":\"e1\"}",
                "{\"customer_id\":\"c1\",\"event_ts\":\"2024-04-05T08:00:00Z\",\"event_type\":\"email_open\",\"event_id\":\"e1\"}",
                "{\"customer_id\":\"p1\",\"event_ts\":\"2024-04-12T08:00:00Z\",\"event_type\":\"site_visit\",\"event_id\":\"e2\"}",
                "not json", "[1, 2]",
                "{\"event_ts\":\"2024-04-01T08:00:00Z\",\"event_type\":\"email_open\",\"event_id\":\"e4\"}",
                "{\"customer_id\":\"c2\",\"event_ts\":\"2024-04-01T08:00:00Z\",\"event_id\":\"e5\"}",
                "{\"customer_id\":\"c2\",\"event_ts\":\"yesterday\",\"event_type\":\"email_click\",\"event_id\":\"e6\"}",
                FUTURE_EVENT);
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);

        BoundedRun.Result result = RunFixtures.run(new RunInputs(
                Map.of(InputKind.ORDERS, orders, InputKind.ENGAGEMENT, engagement), List.of()), url);

        assertEquals(LocalDate.of(2024, 4, 13), result.asOf(), "the day after the last accepted event");
        Map<String, String> rejected = new HashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (Map<String, Object> row : rows(url, "SELECT source, raw_text, reason FROM rejected_input WHERE run_id = '"
                + result.runId() + "'")) {
            assertEquals(null, rejected.put((String) row.get("raw_text"), (String) row.get("reason")),
                    "rejected once: " + row);
            sourceOf.put((String) row.get("raw_text"), (String) row.get("source"));
        }
        BAD_ORDERS.forEach((line, reason) -> {
            assertEquals(reason, rejected.get(line), line);
            assertEquals("orders", sourceOf.get(line), line);
        });
        BAD_EVENTS.forEach((line, reason) -> {
            assertEquals(reason, rejected.get(line), line);
            assertEquals("engagement", sourceOf.get(line), line);
        });
        String beyond = "is in the future \\(beyond \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\): 2999-01-01T00:00:00Z";
        assertTrue(String.valueOf(rejected.get(FUTURE_ORDER)).matches("order_ts " + beyond), rejected.get(FUTURE_ORDER));
        assertTrue(String.valueOf(rejected.get(FUTURE_EVENT)).matches("event_ts " + beyond), rejected.get(FUTURE_EVENT));
        assertEquals(BAD_ORDERS.size() + BAD_EVENTS.size() + 2, rejected.size(), "nothing else is rejected: " + rejected);
        assertTrue(!rejected.containsKey(DUPLICATE), "a duplicate is counted, not rejected");

        Map<String, Map<String, Object>> runs = new HashMap<>();
        for (Map<String, Object> row : rows(url, "SELECT * FROM refresh_run WHERE run_id = '" + result.runId() + "'")) {
            runs.put((String) row.get("source"), row);
            assertEquals(((Number) row.get("read_rows")).longValue(), ((Number) row.get("accepted")).longValue()
                    + ((Number) row.get("rejected")).longValue() + ((Number) row.get("duplicates")).longValue(), row.toString());
            assertNotNull(row.get("finished_at"), "the run finished");
            assertEquals(4L, ((Number) row.get("customers")).longValue(), "c1, c2, c3 and the prospect p1");
        }
        assertAccounting(runs.get("orders"), 15, 8, 1);
        assertAccounting(runs.get("engagement"), 9, 6, 1);

        assertEquals(List.of(
                        Map.of("customer_id", "c1", "frequency", 2, "monetary", new java.math.BigDecimal("65.50")),
                        Map.of("customer_id", "c2", "frequency", 1, "monetary", new java.math.BigDecimal("60.00")),
                        Map.of("customer_id", "c3", "frequency", 1, "monetary", new java.math.BigDecimal("55.25")),
                        Map.of("customer_id", "p1", "frequency", 0, "monetary", new java.math.BigDecimal("0.00"))),
                rows(url, "SELECT customer_id, frequency, monetary FROM customer_segment ORDER BY 1"),
                "the duplicate line counted once; c4 had no valid order");
        assertEquals("Prospects", rows(url, "SELECT segment FROM customer_segment WHERE customer_id = 'p1'").get(0).get("segment"));
        assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM customer_segment WHERE segment IS NULL OR segment = ''"));
    }

    @Test
    void whenNoOrderIsValidTheRejectedRowsAreStillKept() throws Exception {
        Path orders = lines(dir.resolve("all_bad.csv"), HEADER,
                "b1,,2024-03-05T10:00:00Z,12.00,1,home,web,0", "b3,c4,2024-03-07T10:00:00Z,abc,1,home,web,0");
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, orders), List.of()), url));
        assertTrue(e.getMessage().contains("rejected_input"), e.getMessage());
        assertEquals(Map.of("b1,,2024-03-05T10:00:00Z,12.00,1,home,web,0", "missing customer_id",
                        "b3,c4,2024-03-07T10:00:00Z,abc,1,home,web,0", "amount is not a finite number: abc"),
                RunFixtures.map(url, "SELECT raw_text, reason FROM rejected_input"),
                "the error sends the user to rejected_input: the rows must be there (nothing silently lost)");
    }

    @Test
    void anEmptyOrHeaderOnlyOrdersFileSaysSoAndWritesNothing() throws Exception {
        for (Path orders : List.of(lines(dir.resolve("empty.csv")), lines(dir.resolve("header_only.csv"), HEADER),
                Path.of("/dev/null"))) {
            String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> RunFixtures.run(new RunInputs(Map.of(InputKind.ORDERS, orders), List.of()), url));
            assertEquals("the orders input " + orders + " holds no rows (it is empty or has only a header line):"
                    + " give a file with orders", e.getMessage());
            assertEquals(0, RunFixtures.count(url, "SELECT COUNT(*) FROM rejected_input"));
        }
    }

    @Test
    void theInputEncodingAndTheEarliestDateComeFromPipelineYaml() throws Exception {
        Path config = Files.createDirectories(dir.resolve("latin1-config"));
        Files.writeString(config.resolve("pipeline.yaml"), "input_encoding: latin-1\nearliest_date: 2000-01-01\n");
        Path orders = dir.resolve("latin1.csv");
        Files.write(orders, (HEADER + "\nl1,Caf\u00e9,2024-03-01T10:00:00Z,20.00,1,home,web,0\n"
                + "l2,old,1999-12-31T10:00:00Z,20.00,1,home,web,0\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);

        BoundedRun.run(new BoundedRun.Options(new RunInputs(Map.of(InputKind.ORDERS, orders), List.of()), config, url,
                LocalDate.of(2024, 4, 1)), System.err);

        assertEquals(List.of(Map.of("customer_id", "Caf\u00e9")), rows(url, "SELECT customer_id FROM customer_segment"));
        assertEquals(Map.of("l2,old,1999-12-31T10:00:00Z,20.00,1,home,web,0",
                        "order_ts is before the earliest accepted date 2000-01-01: 1999-12-31T10:00:00Z"),
                RunFixtures.map(url, "SELECT raw_text, reason FROM rejected_input"));
    }

    private static void assertAccounting(Map<String, Object> run, long read, long rejected, long duplicates) {
        assertNotNull(run, "a refresh_run row per input");
        assertEquals(read, ((Number) run.get("read_rows")).longValue(), run.toString());
        assertEquals(rejected, ((Number) run.get("rejected")).longValue(), run.toString());
        assertEquals(duplicates, ((Number) run.get("duplicates")).longValue(), run.toString());
    }

    @Test
    void missingOrdersFileIsOneErrorLine() {
        Captured run = RunFixtures.capture(() -> Segments.commandLine().execute(
                "run", "--orders", "/no/such/file", "--warehouse", "jdbc:duckdb:" + dir.resolve("cli.duckdb")));
        assertEquals(1, run.exitCode());
        assertOneErrorLine(run.err(), "/no/such/file");
    }

    @Test
    void unreachableWarehouseIsOneErrorLine() throws Exception {
        String orders = orders().toString();
        Captured run = RunFixtures.capture(() -> Segments.commandLine().execute(
                "run", "--orders", orders, "--warehouse", "jdbc:postgresql://127.0.0.1:1/x"));
        assertEquals(1, run.exitCode());
        assertOneErrorLine(run.err(), "127.0.0.1:1");
    }

    @Test
    void configCheckNamesTheProblemOfAnInvalidSegmentsFile() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("segments.yaml"), "segments: []\n");
        Captured invalid = RunFixtures.capture(() -> Segments.commandLine().execute(
                "config", "check", "--config", config.toString()));
        assertNotEquals(0, invalid.exitCode());
        assertOneErrorLine(invalid.err(), "segments.yaml: line 1: segments must be a non-empty list of rules");

        Captured valid = RunFixtures.capture(() -> Segments.commandLine().execute("config", "check"));
        assertEquals(0, valid.exitCode(), valid.err());
        assertTrue(valid.out().contains("OK: every customer lands in exactly one segment"), valid.out());
        assertEquals("", valid.err());
    }

    /** Exactly one line starts with "error:", names the problem, and no stack trace is printed. */
    private static void assertOneErrorLine(String stderr, String mentioned) {
        List<String> errors = stderr.lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), stderr);
        assertTrue(errors.get(0).contains(mentioned), errors.get(0));
        assertTrue(stderr.lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), stderr);
    }

    private Path orders() throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(HEADER,
                "g1,c1,2024-03-01T10:00:00Z,30.00,1,apparel,web,0",
                DUPLICATE,
                DUPLICATE,
                "g2,c1,2024-04-02 09:30:00,15.50,1,apparel,app,0.1",
                "g3,c2,2024-02-10,100,1,electronics,store,",
                "g4,c2,2024-03-20T12:00:00+01:00,-40,1,electronics,store,",
                "g5,c3,2024-04-10T08:00:00Z,55.25,1,\"home, garden\",web,0",
                FUTURE_ORDER));
        all.addAll(BAD_ORDERS.keySet().stream().sorted().toList());
        return lines(dir.resolve("orders.csv"), all.toArray(String[]::new));
    }
}
