package org.retentionsegments.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A generated directory read back as rows, shared by the generator tests. */
record GeneratedData(GeneratorConfig config, Path directory, GenerationSummary summary) {

    /** The test default: 20k customers over two years, seed 42. */
    static final GeneratorConfig SMALL = GeneratorConfig.of(20_000, 730, 42);

    static GeneratedData generate(GeneratorConfig config, Path directory) {
        try {
            GenerationSummary summary = new Generator(config).writeTo(directory, ProgressListener.NONE);
            return new GeneratedData(config, directory, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String header(String file) {
        try (Stream<String> lines = Files.lines(directory.resolve(file))) {
            return lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows (header skipped), split on commas keeping empty fields. */
    List<String[]> rows(String file) {
        try (Stream<String> lines = Files.lines(directory.resolve(file))) {
            return lines.skip(1).map(line -> line.split(",", -1)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes(String file) {
        try {
            return Files.readAllBytes(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
