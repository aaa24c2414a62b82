package org.retentionsegments.flink;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.lit;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.types.Row;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;

/**
 * The input files as tables, read by {@link ReadInputFile} (no path ever reaches SQL):
 * {@code X_records} (the canonical columns of every readable record of input X, with
 * {@code input_file}, {@code input_line} and {@code raw_line}) or, for an input an adapter parses,
 * {@code X_lines} (the same with one column {@code line}); and {@code unreadable_lines}, every
 * line of any input that could not be read, with its reason.
 */
final class InputTables {

    /** The columns every input row starts with, before the canonical ones (also for topics, see TopicInputs). */
    static final List<String> META = List.of("input_file", "input_line", "raw_line", "read_error");

    /** Stands in for the files of an absent input: reads as no rows. */
    static final Tuple2<String, String> NO_FILE = Tuple2.of("", InputFormat.CSV.name());

    private InputTables() {}

    /** Registers the tables; {@code files} holds the files of each input with their format. */
    static void register(StreamExecutionEnvironment env, StreamTableEnvironment tEnv,
            Map<InputKind, List<RunInputs.InputFile>> files, Charset charset) {
        Table unreadable = null;
        for (InputKind kind : InputKind.values()) {
            List<RunInputs.InputFile> list = files.getOrDefault(kind, List.of());
            boolean lines = !list.isEmpty() && list.get(0).format() == InputFormat.LINES;
            List<String> columns = lines ? List.of("line") : kind.columns();
            List<Tuple2<String, String>> elements = new ArrayList<>();
            for (RunInputs.InputFile f : list) {
                elements.add(Tuple2.of(f.path().toString(), f.format().name()));
            }
            if (elements.isEmpty()) {
                elements.add(NO_FILE); // a collection source cannot be empty
            }
            DataStream<Row> rows = env.fromData(elements, Types.TUPLE(Types.STRING, Types.STRING))
                    .name(kind.label() + " files")
                    .rebalance()
                    .flatMap(new ReadInputFile(kind, charset), rowType(columns))
                    .name("read " + kind.label());
            Table table = tEnv.fromDataStream(rows);
            List<Expression> selected = new ArrayList<>(List.of($("input_file"), $("input_line"), $("raw_line")));
            columns.forEach(c -> selected.add($(c)));
            tEnv.createTemporaryView(kind.label() + (lines ? "_lines" : "_records"),
                    table.where($("read_error").isNull()).select(selected.toArray(new Expression[0])));
            Table bad = table.where($("read_error").isNotNull()).select(lit(kind.label()).as("source"),
                    $("input_file"), $("input_line"), $("raw_line"), $("read_error").as("reject_reason"));
            if (!list.isEmpty()) { // an absent input has no lines, readable or not (and no source in the plan)
                unreadable = unreadable == null ? bad : unreadable.unionAll(bad);
            }
        }
        tEnv.createTemporaryView("unreadable_lines", unreadable);
    }

    static TypeInformation<Row> rowType(List<String> columns) {
        List<String> names = new ArrayList<>(META);
        names.addAll(columns);
        TypeInformation<?>[] types = new TypeInformation<?>[names.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = i == 1 ? Types.LONG : Types.STRING;
        }
        return Types.ROW_NAMED(names.toArray(new String[0]), types);
    }
}
