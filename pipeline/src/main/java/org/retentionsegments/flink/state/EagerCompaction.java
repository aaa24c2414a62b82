package org.retentionsegments.flink.state;

import java.util.Collection;
import org.apache.flink.state.rocksdb.RocksDBOptionsFactory;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;

/**
 * RocksDB options for the continuous job's state: each column family compacts its level-0 files
 * into level 1 as soon as there are {@link #LEVEL0_FILES} of them, where RocksDB waits for four.
 *
 * <p>An incremental checkpoint flushes every column family that changed into a new level-0 file
 * and keeps the files as they are: a customer's slot written again since the last compaction is
 * in the checkpoint once per file that holds a version of it, and a deleted row (the SQL
 * deduplications' rows of a closed day, a timer moved) stays with its tombstone. With RocksDB's
 * four files, how much of that a checkpoint carries depends on where the compactions happen to
 * be: 510 to 793 B per customer in six runs of the same records. With two it is at most a file
 * or two behind: 427 to 484 B in five runs, with no more CPU seen. Measured with
 * {@code bench/continuous.sh 100000 180} (bench/HISTORY.md); at 300,000 customers 400 and 393 B
 * in two runs, whose event-to-warehouse p99 was 3.3 s in the first (0.8 s without the change in
 * the same hour) and 0.8 s in the second.
 *
 * <p>Applied after Flink's own RocksDB options (bloom filters, memory), which it leaves as they
 * are. A cluster that names an options factory of its own keeps that one
 * ({@code ContinuousJob#configuration}).
 */
public final class EagerCompaction implements RocksDBOptionsFactory {

    private static final long serialVersionUID = 1L;

    /** Level-0 files that start a compaction into level 1 (RocksDB's default: 4). */
    public static final int LEVEL0_FILES = 2;

    @Override
    public DBOptions createDBOptions(DBOptions current, Collection<AutoCloseable> handlesToClose) {
        return current;
    }

    @Override
    public ColumnFamilyOptions createColumnOptions(ColumnFamilyOptions current,
            Collection<AutoCloseable> handlesToClose) {
        return current.setLevel0FileNumCompactionTrigger(LEVEL0_FILES);
    }
}
