package org.retentionsegments.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retentionsegments.fixtures.RunFixtures.rows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.retentionsegments.flink.BoundedRun;
import org.retentionsegments.flink.RunInputs;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;

/**
 * The hostile corpus end to end, on DuckDB and PostgreSQL: the run finishes; every record meets
 * its fate (accepted, dropped as a duplicate, or rejected with its reason at its file and line);
 * read = accepted + rejected + duplicates per input, as the corpus counts them; every customer
 * with orders has the R/F/M computed from the good orders alone; no customer is merged, lost, or
 * made up from a rejected row.
 */
class HostileInputITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyRecordMeetsItsFate(Engine engine) throws Exception {
        HostileCorpus.Expected expected = HostileCorpus.write(20261201L + engine.ordinal(), dir);
        Map<InputKind, Path> files = new EnumMap<>(InputKind.class);
        expected.inputs().forEach((source, path) -> files.put(InputKind.valueOf(source.toUpperCase()), path));
        String url = WAREHOUSES.freshUrl(engine);

        BoundedRun.Result result = BoundedRun.run(new BoundedRun.Options(new RunInputs(files, List.of()), null, url,
                HostileCorpus.AS_OF), System.err);

        Map<String, String> rejected = new TreeMap<>();
        for (Map<String, Object> row : rows(url, "SELECT source, input_file, input_line, reason FROM rejected_input"
                + " WHERE run_id = '" + result.runId() + "'")) {
            String at = row.get("input_file") + ":" + row.get("input_line");
            assertEquals(null, rejected.put(at, (String) row.get("reason")), "one rejected row per record: " + at);
        }
        List<String> wrong = new ArrayList<>();
        int rejections = 0;
        for (Map.Entry<String, Map<Long, Fate>> file : expected.fates().entrySet()) {
            for (Map.Entry<Long, Fate> line : file.getValue().entrySet()) {
                String at = file.getKey() + ":" + line.getKey();
                Fate fate = line.getValue();
                String reason = rejected.get(at);
                if (fate.outcome() == Fate.Outcome.REJECTED) {
                    rejections++;
                    if (!fate.matches(reason)) {
                        wrong.add(at + " must be " + fate + ", was " + (reason == null ? "not rejected" : "'" + reason + "'"));
                    }
                } else if (reason != null) {
                    wrong.add(at + " must be " + fate + ", was rejected '" + reason + "'");
                }
            }
        }
        assertEquals(List.of(), wrong, "records whose fate differs from the corpus ledger");
        assertEquals(rejections, rejected.size(), "no rejected row the ledger does not know: " + rejected.keySet());

        Map<String, long[]> counts = new HashMap<>();
        for (Map<String, Object> row : rows(url, "SELECT source, read_rows, accepted, rejected, duplicates FROM refresh_run"
                + " WHERE run_id = '" + result.runId() + "'")) {
            counts.put((String) row.get("source"), new long[] {number(row, "read_rows"), number(row, "accepted"),
                    number(row, "rejected"), number(row, "duplicates")});
        }
        expected.counts().forEach((source, c) -> assertEquals(List.of(c[0], c[1], c[2], c[3]),
                List.of(counts.get(source)[0], counts.get(source)[1], counts.get(source)[2], counts.get(source)[3]),
                source + ": read, accepted, rejected, duplicates"));

        Map<String, HostileCorpus.Rfm> actual = new TreeMap<>();
        Set<String> segmented = new HashSet<>();
        for (Map<String, Object> row : rows(url, "SELECT customer_id, frequency, monetary, recency_days FROM customer_segment")) {
            String id = (String) row.get("customer_id");
            segmented.add(id);
            if (expected.orderCustomers().containsKey(id)) {
                actual.put(id, new HostileCorpus.Rfm((int) number(row, "frequency"),
                        ((BigDecimal) row.get("monetary")).setScale(2), (int) number(row, "recency_days")));
            }
        }
        assertEquals(expected.orderCustomers(), actual, "R/F/M of every customer with orders, from the good orders alone");
        Set<String> madeUp = new HashSet<>(segmented);
        madeUp.retainAll(expected.rejectedOnlyIds());
        assertEquals(Set.of(), madeUp, "customers known only from rejected rows");
        Set<String> missing = new HashSet<>(expected.acceptedIds());
        missing.removeAll(segmented);
        assertEquals(Set.of(), missing, "customers of accepted orders and events that were lost");
        assertTrue(segmented.containsAll(List.of("Café", "Cafè", "Cafe\u0301")), "distinct ids stay distinct: " + segmented);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
