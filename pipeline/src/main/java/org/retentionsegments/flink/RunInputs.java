package org.retentionsegments.flink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.retentionsegments.input.InputException;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.RecordReader;
import org.retentionsegments.input.prepare.Preparation;

/**
 * The files of one bounded run and the adapters that map other layouts onto the contract.
 * Absent optional inputs are empty; only orders are required.
 *
 * @param files input files (or folders) by kind; orders must be present
 * @param adapters {@code --source-sql} files or folders, or names of shipped adapters
 */
public record RunInputs(Map<InputKind, Path> files, List<String> adapters) {

    /** Amounts, discounts and costs beyond this magnitude are rejected: the warehouse keeps DECIMAL(18, 2). */
    public static final String AMOUNT_LIMIT = "1000000000";

    /** One file of an input and how its records are written. */
    public record InputFile(Path path, InputFormat format) {}

    /** What the batch stage reads: its SQL with every placeholder resolved, and the files. */
    public record Plan(SqlScripts sql, Map<InputKind, List<InputFile>> files, Charset charset) {

        /** The files as the Java preparation takes them. */
        public Map<InputKind, List<Preparation.InputFile>> preparationFiles() {
            Map<InputKind, List<Preparation.InputFile>> out = new EnumMap<>(InputKind.class);
            files.forEach((kind, list) -> out.put(kind,
                    list.stream().map(f -> new Preparation.InputFile(f.path(), f.format())).toList()));
            return out;
        }
    }

    /** How input values are judged. */
    public record Validation(ZoneId zone, LocalDateTime futureCutoff, LocalDate earliest, Charset charset) {}

    public RunInputs {
        files = Map.copyOf(files);
        adapters = List.copyOf(adapters);
        if (!files.containsKey(InputKind.ORDERS)) {
            throw new InputException("an orders file is required: pass --orders FILE");
        }
    }

    /**
     * The plan of this run: every file of every input (each CSV file's header checked now, so
     * that a missing column is one clear error before anything starts) and the SQL.
     *
     * @param staging folder for the hand-over between stages
     */
    public Plan plan(Path staging, Validation validation) {
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
        Map<InputKind, List<InputFile>> inputs = new EnumMap<>(InputKind.class);
        for (InputKind kind : InputKind.values()) {
            Path path = files.get(kind);
            boolean lines = adapted.overridden(kind.label() + "_fields");
            inputs.put(kind, path == null ? List.of() : list(kind, path, lines, validation.charset()));
        }
        Map<String, String> values = new HashMap<>();
        for (String table : List.of("customer_day", "treatments", "rejected", "input_counts")) {
            values.put("staging." + table, SqlScripts.literal(staging.resolve(table).toAbsolutePath().toString()));
        }
        values.put("timezone", validation.zone().getId());
        values.put("future_cutoff",
                validation.futureCutoff().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        values.put("earliest", validation.earliest().toString());
        values.put("amount_limit", AMOUNT_LIMIT);
        values.put("record_time", ""); // files have no time attribute (see the continuous job)
        return new Plan(withAdapters(new SqlScripts(values), shipped, adapterPaths), inputs, validation.charset());
    }

    private static List<InputFile> list(InputKind kind, Path path, boolean lines, Charset charset) {
        if (!Files.exists(path)) {
            throw new InputException("the " + kind.label() + " file " + path + " does not exist");
        }
        List<Path> paths;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                paths = walk.filter(Files::isRegularFile)
                        .filter(f -> visible(path.relativize(f)))
                        .sorted().toList();
            } catch (IOException e) {
                throw new InputException("cannot list the " + kind.label() + " folder " + path + ": " + e.getMessage());
            }
            if (paths.isEmpty()) {
                throw new InputException("the " + kind.label() + " folder " + path + " holds no files");
            }
        } else {
            paths = List.of(path);
        }
        List<InputFile> out = new ArrayList<>();
        String unusable = null;
        int usable = 0;
        for (Path file : paths) {
            InputFormat format = lines ? InputFormat.LINES : InputFormat.of(file);
            String problem = format == InputFormat.CSV ? headerProblem(kind, file, charset) : null;
            if (problem == null) {
                usable++;
            } else if (unusable == null) {
                unusable = problem;
            }
            out.add(new InputFile(file, format));
        }
        if (usable == 0 && unusable != null) {
            // every file is unusable: the user gave the wrong input, say so now; a single bad file
            // among good ones only has its lines rejected, each with the reason
            throw new InputException(unusable);
        }
        return out;
    }

    /** Files and folders whose name starts with a dot or an underscore are skipped, as Hadoop and Flink do. */
    private static boolean visible(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    /** Why the header line of a CSV file cannot be used, or null. */
    private static String headerProblem(InputKind kind, Path file, Charset charset) {
        try (InputStream in = Files.newInputStream(file)) {
            return new RecordReader(kind, InputFormat.CSV, charset, file.toString(), in).headerProblem();
        } catch (IOException e) {
            throw new InputException("cannot read the " + kind.label() + " file " + file + ": " + e.getMessage());
        }
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
}
