package org.retentionsegments.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.retentionsegments.input.InputException;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputLayout;

/**
 * The files of one bounded run and the adapters that map other layouts onto the contract.
 * Absent optional inputs become empty files; only orders are required.
 *
 * @param files input files (or folders) by kind; orders must be present
 * @param adapters {@code --source-sql} files or folders, or names of shipped adapters
 */
public record RunInputs(Map<InputKind, Path> files, List<String> adapters) {

    public RunInputs {
        files = Map.copyOf(files);
        adapters = List.copyOf(adapters);
        if (!files.containsKey(InputKind.ORDERS)) {
            throw new InputException("an orders file is required: pass --orders FILE");
        }
    }

    /**
     * The stream SQL of this run with every placeholder resolved.
     *
     * @param staging folder for the hand-over between stages (and the empty stand-in files)
     * @param zone zone of timestamps without an offset
     * @param futureCutoff UTC time after which an event is rejected as lying in the future
     */
    public SqlScripts sql(Path staging, ZoneId zone, LocalDateTime futureCutoff) {
        Map<String, String> values = new HashMap<>();
        List<Path> adapterPaths = new ArrayList<>();
        List<String> shipped = new ArrayList<>();
        for (String adapter : adapters) {
            Path path = Path.of(adapter);
            if (Files.exists(path)) {
                adapterPaths.add(path);
            } else if (adapter.matches("[a-z0-9_]+")) {
                shipped.add(adapter);
            } else {
                throw new InputException("the source SQL " + adapter + " does not exist (give a .sql file, "
                        + "a folder of them, or a shipped adapter name such as cdnow or online_retail)");
            }
        }
        SqlScripts adapted = withAdapters(new SqlScripts(Map.of()), shipped, adapterPaths);
        Map<InputKind, InputLayout> layouts = new EnumMap<>(InputKind.class);
        for (InputKind kind : InputKind.values()) {
            Path file = files.get(kind);
            if (file == null) {
                layouts.put(kind, InputLayout.empty(kind, emptyFile(staging, kind)));
            } else if (adapted.overridden(kind.label() + "_fields")) {
                // the adapter parses this input itself: only the path is ours to give
                if (!Files.exists(file)) {
                    throw new InputException("the " + kind.label() + " file " + file + " does not exist");
                }
                layouts.put(kind, InputLayout.empty(kind, file));
            } else {
                layouts.put(kind, InputLayout.inspect(kind, file));
            }
        }
        layouts.values().forEach(layout -> values.putAll(layout.placeholders()));
        values.put("staging.path", staging.toAbsolutePath().toString());
        values.put("timezone", zone.getId());
        values.put("future_cutoff", futureCutoff.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        return withAdapters(new SqlScripts(values), shipped, adapterPaths);
    }

    private static SqlScripts withAdapters(SqlScripts sql, List<String> shipped, List<Path> paths) {
        for (String name : shipped) {
            if (!sql.withShippedAdapter(name)) {
                throw new InputException("there is no shipped adapter named " + name
                        + " (shipped: cdnow, online_retail); give a .sql file or a folder of them");
            }
        }
        paths.forEach(sql::withAdapter);
        return sql;
    }

    private static Path emptyFile(Path staging, InputKind kind) {
        try {
            Path empty = staging.resolve("empty").resolve(kind.label() + ".csv");
            Files.createDirectories(empty.getParent());
            Files.writeString(empty, "");
            return empty;
        } catch (IOException e) {
            throw new InputException("cannot write to the staging folder " + staging + ": " + e.getMessage());
        }
    }
}
