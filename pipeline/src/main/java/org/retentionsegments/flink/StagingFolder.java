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
public final class StagingFolder {

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

    /** Removes {@code root} and everything in it, if it is there. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        // Flink removes its own working folders inside while it shuts down, possibly while we walk
        walk(root, Integer.MAX_VALUE, (file, attributes) -> Files.deleteIfExists(file), Files::deleteIfExists);
    }

    /** What {@link #walk} does with a file it reaches. */
    public interface FileVisit {
        void accept(Path file, BasicFileAttributes attributes) throws IOException;
    }

    /** What {@link #walk} does with a folder whose content it has visited. */
    public interface FolderDone {
        void done(Path dir) throws IOException;
    }

    /**
     * Visits the files under {@code root} down to {@code depth}, then each folder once its content
     * is visited ({@code folderDone} may be null). A file or folder that is gone before it is
     * reached is left out: Flink creates and discards its working and checkpoint files meanwhile.
     */
    public static void walk(Path root, int depth, FileVisit file, FolderDone folderDone)
            throws IOException {
        Files.walkFileTree(root, java.util.Set.of(), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                file.accept(path, attributes);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
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
                if (folderDone != null) {
                    folderDone.done(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The bytes of the regular files under {@code dir} (0 when it is not there). */
    public static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] bytes = {0};
        walk(dir, Integer.MAX_VALUE, (file, attributes) -> bytes[0] += attributes.isRegularFile() ? attributes.size() : 0,
                null);
        return bytes[0];
    }
}
