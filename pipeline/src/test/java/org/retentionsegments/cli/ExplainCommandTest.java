package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import org.retentionsegments.warehouse.CustomerQueries.Nearest;
import org.retentionsegments.warehouse.CustomerQueries.Row;

/** {@code explain}'s help and its line for a day without a snapshot, without a warehouse. */
class ExplainCommandTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);
    private static final String KEPT = " (refreshes are kept as pipeline.yaml's refresh.snapshot_every says)";

    @Test
    void theHelpDocumentsTheExitCodesTheCommandReturns() {
        Captured help = RunFixtures.capture(() -> Segments.commandLine().execute("explain", "--help"));

        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("\nExit codes:\n  0   explained\n"), help.out());
        assertTrue(help.out().contains("\n  " + ExplainCommand.UNKNOWN_CUSTOMER
                + "   the warehouse has no row for the customer\n"), help.out());
        assertTrue(help.out().contains("\n  " + ExplainCommand.NO_SNAPSHOT + "   the customer has no snapshot as of"
                + " --as-of"), help.out());
        assertTrue(help.out().contains("\n  " + Errors.USAGE + "   wrong usage\n"), help.out());
    }

    @Test
    void aDayWithoutASnapshotNamesTheKeptDaysEitherSide() {
        assertEquals("no snapshot of customer 'c1' as of 2024-03-04; the nearest: 2024-03-01 (before), 2024-03-31"
                + " (after)" + KEPT, ExplainCommand.noSnapshot("c1", DAY,
                        new Nearest(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)), null));
        assertEquals("no snapshot of customer 'c1' as of 2024-03-04; the nearest: 2024-04-01 (after)" + KEPT,
                ExplainCommand.noSnapshot("c1", DAY, new Nearest(null, LocalDate.of(2024, 4, 1)), null));
    }

    @Test
    void aCurrentRowNewerThanTheLastSnapshotIsNamedToo() {
        Row current = new Row(LocalDate.of(2024, 3, 9), true, Map.of());

        assertEquals("no snapshot of customer 'c1' as of 2024-03-04; the nearest: 2024-03-01 (before), 2024-03-09"
                + " (current)" + KEPT, ExplainCommand.noSnapshot("c1", DAY, new Nearest(LocalDate.of(2024, 3, 1), null),
                        current));
        assertEquals("no snapshot of customer 'c1' as of 2024-03-04; the nearest: none" + KEPT,
                ExplainCommand.noSnapshot("c1", DAY, new Nearest(null, null), null));
    }
}
