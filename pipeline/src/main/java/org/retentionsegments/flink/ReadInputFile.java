package org.retentionsegments.flink;

import java.io.InputStream;
import java.nio.charset.Charset;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.RecordReader;

/**
 * Reads whole input files, one per element (path, format), into rows of
 * {@link InputTables#rowType}: every record of the file, readable or not, with its file and line.
 */
final class ReadInputFile implements FlatMapFunction<Tuple2<String, String>, Row> {

    private final InputKind kind;
    private final String charset;

    ReadInputFile(InputKind kind, Charset charset) {
        this.kind = kind;
        this.charset = charset.name();
    }

    @Override
    public void flatMap(Tuple2<String, String> file, Collector<Row> out) throws Exception {
        if (file.f0.isEmpty()) {
            return; // InputTables.NO_FILE
        }
        Path path = new Path(file.f0);
        InputFormat format = InputFormat.valueOf(file.f1);
        try (InputStream in = FileSystem.get(path.toUri()).open(path)) {
            RecordReader reader = new RecordReader(kind, format, Charset.forName(charset), file.f0, in);
            int width = format == InputFormat.LINES ? 1 : kind.columns().size();
            InputRecord record;
            while ((record = reader.next()) != null) {
                Row row = new Row(4 + width);
                row.setField(0, record.file());
                row.setField(1, record.line());
                row.setField(2, record.raw());
                row.setField(3, record.error());
                if (record.fields() != null) {
                    for (int i = 0; i < width; i++) {
                        row.setField(4 + i, record.fields()[i]);
                    }
                }
                out.collect(row);
            }
        }
    }
}
