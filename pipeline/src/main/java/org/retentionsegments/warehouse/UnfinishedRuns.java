package org.retentionsegments.warehouse;

import static org.retentionsegments.warehouse.jooq.Tables.REFRESH_RUN;
import static org.retentionsegments.warehouse.jooq.Tables.REJECTED_INPUT;

import java.util.List;
import org.jooq.exception.DataAccessException;

/**
 * Runs recorded as started that never finished: a run killed with {@code kill -9}, or one whose
 * machine went down. The next run supersedes them: every other table is written with idempotent
 * upserts on natural keys, so the next run rewrites what such a run wrote, but the rows kept per
 * run (its {@code refresh_run} accounting and its {@code rejected_input} rows) would stay behind
 * and be counted twice. Superseding deletes those, so that a killed run followed by a complete
 * one leaves the warehouse as one complete run would.
 *
 * <p>Two bounded runs writing one PostgreSQL warehouse at the same time are not supported (they
 * would also overwrite each other's segments): the later one would supersede the earlier.
 */
public final class UnfinishedRuns {

    private UnfinishedRuns() {}

    /** Deletes the per-run rows of every unfinished run except {@code currentRun}; returns their run ids. */
    public static List<String> supersede(Warehouse warehouse, String currentRun) {
        try {
            return warehouse.dsl().transactionResult(tx -> {
                List<String> runs = tx.dsl().selectDistinct(REFRESH_RUN.RUN_ID).from(REFRESH_RUN)
                        .where(REFRESH_RUN.FINISHED_AT.isNull()).and(REFRESH_RUN.RUN_ID.ne(currentRun))
                        .orderBy(REFRESH_RUN.RUN_ID).fetch(REFRESH_RUN.RUN_ID);
                if (!runs.isEmpty()) {
                    tx.dsl().deleteFrom(REJECTED_INPUT).where(REJECTED_INPUT.RUN_ID.in(runs)).execute();
                    tx.dsl().deleteFrom(REFRESH_RUN).where(REFRESH_RUN.RUN_ID.in(runs)).execute();
                }
                return runs;
            });
        } catch (DataAccessException e) {
            throw new WarehouseException("cannot clear the unfinished runs in the warehouse " + warehouse.url()
                    + ": " + Warehouse.firstLine(e.getMessage()), e);
        }
    }
}
