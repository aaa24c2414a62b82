package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.core.audience.AudienceRow;
import org.retentionsegments.core.audience.Member;

/** The files of an audience: CSV quoting, JSON lines, the change column, clear contacts only when given. */
class AudienceFilesTest {

    private static final AudienceRow ROW = new AudienceRow("can_t_lose_them:email:contact:c1", "c1", "Can't Lose Them",
            "win, back", "email", "contact", null, "e1", null, "treatment", LocalDate.of(2026, 1, 2),
            LocalDateTime.of(2026, 1, 2, 3, 4, 5));

    @Test
    void csvQuotesOnlyWhatNeedsItAndLeavesNullEmpty() {
        assertEquals("a,\"b,c\",,\"say \"\"hi\"\"\",\"two\nlines\"\n",
                AudienceFiles.csvLine(Arrays.asList("a", "b,c", null, "say \"hi\"", "two\nlines")));
    }

    @Test
    void aListAndItsChangesInCsv(@TempDir Path dir) throws Exception {
        AudienceFiles files = new AudienceFiles("csv", null);
        files.list(dir.resolve("l.csv"), List.of(ROW));
        files.changes(dir.resolve("c.csv"), List.of(ROW), List.of(new Member("c0", "e0", "p0")));
        assertEquals(List.of(String.join(",", AudienceFiles.COLUMNS),
                "can_t_lose_them:email:contact:c1,c1,Can't Lose Them,\"win, back\",email,contact,,e1,,treatment,2026-01-02,2026-01-02T03:04:05"),
                Files.readAllLines(dir.resolve("l.csv")));
        assertEquals(List.of("change," + String.join(",", AudienceFiles.COLUMNS),
                "add,can_t_lose_them:email:contact:c1,c1,Can't Lose Them,\"win, back\",email,contact,,e1,,treatment,2026-01-02,2026-01-02T03:04:05",
                "remove,,c0,,,,,,e0,p0,,,"), Files.readAllLines(dir.resolve("c.csv")));
    }

    @Test
    void jsonLinesWithClearContactsWhenGiven(@TempDir Path dir) throws Exception {
        new AudienceFiles("jsonl", Map.of("c1", new AudienceFiles.Clear("a@example.com", "+447700900001")))
                .list(dir.resolve("l.jsonl"), List.of(ROW));
        assertEquals(List.of("{\"row_key\":\"can_t_lose_them:email:contact:c1\",\"customer_id\":\"c1\",\"segment\":\"Can't"
                + " Lose Them\",\"strategy\":\"win, back\",\"channel\":\"email\",\"membership\":\"contact\",\"reason\":null,"
                + "\"email_sha256\":\"e1\",\"phone_sha256\":null,\"arm\":\"treatment\",\"as_of\":\"2026-01-02\","
                + "\"updated_at\":\"2026-01-02T03:04:05\",\"email\":\"a@example.com\",\"phone\":\"+447700900001\"}"),
                Files.readAllLines(dir.resolve("l.jsonl")));
    }
}
