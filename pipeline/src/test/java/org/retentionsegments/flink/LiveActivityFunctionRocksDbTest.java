package org.retentionsegments.flink;

/** {@link LiveActivityFunctionTest}'s cases on RocksDB, the continuous job's state backend. */
class LiveActivityFunctionRocksDbTest extends LiveActivityFunctionTest {

    @Override
    boolean rocksDb() {
        return true;
    }
}
