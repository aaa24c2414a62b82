package org.retentionsegments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.retentionsegments.core.Contacts;
import org.retentionsegments.input.InputFormat;
import org.retentionsegments.input.InputKind;
import org.retentionsegments.input.InputRecord;
import org.retentionsegments.input.RecordReader;

/**
 * The clear email and phone of each customer, read at export time from the customers file (or a
 * folder of them, as a run reads it), normalised as the hashes are: the warehouse keeps only the
 * hashes, so {@code --clear-contacts} needs the file again. A row the run would reject, or a
 * value that is not an address or a number, gives no contact; the last row of a customer wins.
 */
final class ClearContacts {

    private ClearContacts() {}

    static Map<String, AudienceFiles.Clear> read(Path path) {
        Map<String, AudienceFiles.Clear> contacts = new HashMap<>();
        for (Path file : files(path)) {
            try (InputStream in = Files.newInputStream(file)) {
                RecordReader reader = new RecordReader(InputKind.CUSTOMERS, InputFormat.of(file), StandardCharsets.UTF_8,
                        file.toString(), in);
                if (reader.headerProblem() != null) {
                    throw new IllegalArgumentException("--customers " + file + ": " + reader.headerProblem());
                }
                for (InputRecord r = reader.next(); r != null; r = reader.next()) {
                    String[] f = r.fields();
                    if (r.error() == null && f != null && f[0] != null) {
                        contacts.put(f[0], new AudienceFiles.Clear(Contacts.email(f[4]), Contacts.phone(f[5], f[3])));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --customers " + file + ": " + e.getMessage(), e);
            }
        }
        return contacts;
    }

    private static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--customers " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> list = Files.list(path)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
