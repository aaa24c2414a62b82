package org.retentionsegments.input;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the value of one topic record (a JSON object with the input contract's columns, UTF-8)
 * into an {@link InputRecord}, with the checks a line of a JSON lines file gets: size, encoding,
 * NUL bytes, one JSON object, keys matched case-insensitively, values too long. The record's
 * place is its topic and partition ({@code file}) and its offset ({@code line}). One reader per
 * task; not thread-safe.
 */
public final class MessageReader {

    private final InputKind kind;
    private final LineDecoder decoder = new LineDecoder(StandardCharsets.UTF_8);

    public MessageReader(InputKind kind) {
        this.kind = kind;
    }

    /** The decoder's reason, told of a record value (which JSON says is UTF-8) rather than a file's line. */
    private static String messageError(String lineError) {
        String error = lineError.replace(" of the line", " of the record value");
        int hint = error.indexOf("; if the file is in another encoding");
        return hint < 0 ? error : error.substring(0, hint) + "; JSON records on a topic must be UTF-8";
    }

    /** The record of {@code value} (null for a record without a value). */
    public InputRecord read(String place, long offset, byte[] value) {
        if (value == null || value.length == 0) {
            return new InputRecord(place, offset, "", "the record has no value (expected a JSON object)", null);
        }
        if (value.length > RecordReader.MAX_LINE_BYTES) {
            return new InputRecord(place, offset,
                    decoder.printable(value, Math.min(value.length, LineDecoder.RAW_TEXT_CHARS * 4), value.length),
                    String.format(Locale.ROOT, "record value of %,d bytes is longer than the %,d accepted",
                            value.length, RecordReader.MAX_LINE_BYTES), null);
        }
        String text = decoder.decode(value, value.length);
        if (text == null) {
            return new InputRecord(place, offset, decoder.printable(value, value.length, value.length),
                    messageError(decoder.error()), null);
        }
        String raw = LineDecoder.cut(text, text.length());
        String[] error = new String[1];
        String[] values = JsonRecord.parse(text, kind.columns(), error);
        if (values == null) {
            return new InputRecord(place, offset, raw, error[0], null);
        }
        String problem = TextChecks.textProblem(kind.columns(), values);
        return new InputRecord(place, offset, raw, problem, problem == null ? values : null);
    }
}
