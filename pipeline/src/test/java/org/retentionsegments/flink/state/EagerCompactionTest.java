package org.retentionsegments.flink.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

class EagerCompactionTest {

    @Test
    void levelZeroCompactsAtTwoFilesAndTheRestIsLeftAsItWas() throws Exception {
        RocksDB.loadLibrary();
        List<AutoCloseable> handles = new ArrayList<>();
        try (ColumnFamilyOptions given = new ColumnFamilyOptions().setWriteBufferSize(3 << 20);
                DBOptions db = new DBOptions().setMaxOpenFiles(77)) {
            assertEquals(4, given.level0FileNumCompactionTrigger(), "RocksDB's default, which the factory changes");
            ColumnFamilyOptions column = new EagerCompaction().createColumnOptions(given, handles);
            assertEquals(EagerCompaction.LEVEL0_FILES, column.level0FileNumCompactionTrigger());
            assertEquals(2, column.level0FileNumCompactionTrigger());
            assertEquals(3 << 20, column.writeBufferSize(), "Flink's options before it stay");
            assertEquals(77, new EagerCompaction().createDBOptions(db, handles).maxOpenFiles());
            assertEquals(List.of(), handles, "nothing of its own to close");
        }
    }
}
