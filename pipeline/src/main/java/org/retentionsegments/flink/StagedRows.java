package org.retentionsegments.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.retentionsegments.core.RejectedInput;
import org.retentionsegments.warehouse.WarehouseWriter;

/** Reads small staging tables (JSON lines) that the batch stage leaves for the launcher. */
final class StagedRows {

    private StagedRows() {}

    /** Every row of the staging table {@code name}. */
    static List<JsonNode> read(Path staging, String name) {
        List<JsonNode> rows = new ArrayList<>();
        forEach(staging, name, rows::add);
        return rows;
    }

    /** Hands each row of the staging table {@code name} to {@code row}, reading one line at a time. */
    static void forEach(Path staging, String name, Consumer<JsonNode> row) {
        ObjectMapper json = new ObjectMapper();
        for (Path file : files(staging, name)) {
            try (BufferedReader lines = Files.newBufferedReader(file)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        row.accept(json.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staging table " + file, e);
            }
        }
    }

    /** Rejected rows per warehouse transaction. */
    private static final int REJECTED_BATCH = 50_000;

    /**
     * Writes the rejected rows of the run to {@code rejected_input}, in batches, and returns how
     * many. The launcher writes them, not the streaming job: they are plain inserts (the table
     * has no natural key), so a streaming job restored from a checkpoint would write again those
     * it had written since. The run's id is new to the warehouse and each row is read once, so on
     * DuckDB they go straight into the table ({@link WarehouseWriter#writeRejectedOfNewRun}).
     */
    static long writeRejected(Path staging, String runId, WarehouseWriter writer) {
        long written = 0;
        List<RejectedInput> batch = new ArrayList<>();
        ObjectReader rows = new ObjectMapper().readerFor(Rejected.class);
        for (Path file : files(staging, "rejected")) {
            // one parser over the file, straight into records: a tree per line took most of the time
            try (MappingIterator<Rejected> it = rows.readValues(file.toFile())) {
                while (it.hasNextValue()) {
                    Rejected r = it.nextValue();
                    batch.add(new RejectedInput(runId, r.source(), r.input_file(), r.input_line(), r.raw_line(),
                            r.reject_reason()));
                    if (batch.size() == REJECTED_BATCH) {
                        written += write(writer, batch);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staging table " + file, e);
            }
        }
        return written + write(writer, batch);
    }

    /** A row of the staging table {@code rejected}, named as its columns. */
    record Rejected(String source, String input_file, Long input_line, String raw_line, String reject_reason) {}

    /** The files of the staging table {@code name}, in name order, hidden ones skipped. */
    private static List<Path> files(Path staging, String name) {
        Path dir = staging.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staging table " + dir, e);
        }
    }

    private static int write(WarehouseWriter writer, List<RejectedInput> batch) {
        int n = batch.size();
        if (n > 0) {
            writer.writeRejectedOfNewRun(batch);
            batch.clear();
        }
        return n;
    }
}
