package org.retentionsegments.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the files of one folder, from the class path (a directory or a jar) or from disk. */
final class SqlFiles {

    private SqlFiles() {}

    /** File name to content, for the files directly in {@code folder} ending in one of the suffixes. */
    static Map<String, String> inDirectory(Path folder, String... suffixes) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Stream.of(suffixes).anyMatch(name::endsWith)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static Map<String, String> onClassPath(String folder, String... suffixes) {
        URL url = SqlFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            return new TreeMap<>();
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return inDirectory(Path.of(uri), suffixes);
            }
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return inDirectory(jar.provider().getPath(uri), suffixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad class path URL " + url, e);
        }
    }

    /**
     * The {@code .sql} statements of one folder of {@code warehouse-models/queries} on the class
     * path, read once, each by its file name without {@code .sql}.
     */
    static Queries queries(String folder) {
        return new Queries(folder, onClassPath(folder, ".sql"));
    }

    /** A folder's statements by name; a name without a file is a packaging error, said as such. */
    record Queries(String folder, Map<String, String> files) {

        String sql(String name) {
            String sql = files.get(name + ".sql");
            if (sql == null) {
                throw new IllegalStateException("no " + folder + "/" + name + ".sql on the class path");
            }
            return sql;
        }
    }
}
