package org.retentionsegments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core (scoring, rules, strategy, hashing) stays free of Flink (STYLE.md item 2). */
class CoreIsPureJavaTest {

    private static final Path CORE = Path.of("src/main/java/org/retentionsegments/core");

    @Test
    void noCoreSourceImportsFlink() throws IOException {
        assertTrue(Files.isDirectory(CORE), "run from the pipeline module: " + CORE.toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(CORE)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(CoreIsPureJavaTest::importsFlink)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean importsFlink(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .anyMatch(line -> line.startsWith("import org.apache.flink")
                            || line.startsWith("import static org.apache.flink"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
