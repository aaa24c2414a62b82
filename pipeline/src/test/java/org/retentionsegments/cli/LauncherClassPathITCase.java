package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.warehouse.Engine;
import org.retentionsegments.warehouse.TestWarehouses;
import org.retentionsegments.warehouse.Warehouse;

/**
 * The class path {@code ./segments} runs with ({@code target/retention-segments.jar} and
 * {@code target/lib/*}, as the package phase lays it out): DuckDB's driver is there as its classes
 * with this platform's native library beside them, so the driver loads the library where it lies
 * instead of inflating 72 MB into a new temporary file at every start (a file a run killed with
 * {@code kill -9} left behind).
 */
class LauncherClassPathITCase {

    @RegisterExtension static final TestWarehouses WAREHOUSES = new TestWarehouses();

    private static final Path TARGET = Path.of("target");
    private static final Path LIB = TARGET.resolve("lib");
    private static final String NATIVE_PREFIX = "libduckdb_java.so_";

    @Test
    void libHoldsTheDriverWithoutNativeLibrariesAndOneLibraryBesideIt() throws IOException {
        List<Path> driverJars = new ArrayList<>();
        try (Stream<Path> files = Files.list(LIB)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith(NATIVE_PREFIX)),
                            jar + " carries DuckDB's native libraries");
                    if (zip.getEntry("org/duckdb/DuckDBDriver.class") != null) {
                        driverJars.add(jar);
                    }
                }
            }
        }
        assertEquals(1, driverJars.size(), "one jar of DuckDB's driver in " + LIB + ": " + driverJars);
        try (Stream<Path> files = Files.list(LIB)) {
            List<String> natives = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(NATIVE_PREFIX))
                    .toList();
            assertFalse(natives.isEmpty(), "no DuckDB native library in " + LIB);
            assertTrue(natives.stream().allMatch(n -> Files.isRegularFile(LIB.resolve(n))), natives.toString());
        }
    }

    @Test
    void aCommandOnTheLaunchersClassPathOpensDuckDbWithoutATemporaryDirectory(@TempDir Path dir) throws Exception {
        String url = WAREHOUSES.freshUrl(Engine.DUCKDB);
        Warehouse.open(url).close();
        // a temporary directory that is not there: the driver copying its library out of a jar
        // fails on it ("DuckDB JNI library not found" after a NoSuchFileException)
        Path noTemp = dir.resolve("no-such-directory");
        String classPath = TARGET.resolve("retention-segments.jar").toAbsolutePath() + java.io.File.pathSeparator
                + LIB.toAbsolutePath().resolve("*");
        Path output = dir.resolve("output.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + noTemp, "-cp", classPath, Segments.class.getName(),
                "models", "apply", "--warehouse", url)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the command did not end in 2 minutes");
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("applied "), out);
        assertFalse(Files.exists(noTemp), "nothing made the temporary directory");
    }
}
