package org.retentionsegments.flink;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The temporary folder of one run (stage hand-over files and Flink's own temporary files), marked
 * with the process that owns it. A run killed with {@code kill -9} cannot remove its folder; the
 * next run removes every such folder whose owner is no longer alive.
 */
final class StagingFolder {

    static final String PREFIX = "segments-run-";
    private static final String OWNER = "owner.pid";

    private StagingFolder() {}

    /** Creates this run's folder in the system's temporary folder, after removing those of dead runs. */
    static Path create(PrintStream progress) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeDead(tmp, progress);
        Path dir = Files.createTempDirectory(tmp, PREFIX);
        Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
        return dir;
    }

    /** Removes the run folders under {@code tmp} whose owning process has ended. */
    static void removeDead(Path tmp, PrintStream progress) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(Files::isDirectory).toList()) {
                if (!alive(dir)) {
                    long bytes = size(dir);
                    delete(dir);
                    progress.printf("removed %s (%,d MB), left by a run that stopped before it finished%n", dir,
                            bytes >> 20);
                }
            }
        }
    }

    private static boolean alive(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER)).strip());
            Optional<ProcessHandle> owner = ProcessHandle.of(pid);
            return owner.isPresent() && owner.get().isAlive();
        } catch (IOException | NumberFormatException e) {
            return false; // no owner recorded: a run of an older version, or a folder half made
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        // Flink removes its own working folders inside while it shuts down, possibly while we walk
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
