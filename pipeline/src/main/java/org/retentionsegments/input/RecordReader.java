package org.retentionsegments.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads the records of one input file, strictly and per line: a line that cannot be read (not
 * valid in the encoding, a NUL byte, longer than {@value #MAX_LINE_BYTES} bytes, or
 * {@value #MAX_ADAPTER_LINE_BYTES} for lines handed to an adapter, not a CSV record of the
 * header's width, not one JSON object, a column value longer than
 * {@value TextChecks#MAX_TEXT_CHARS} characters) becomes an {@link InputRecord} with the reason, and
 * reading goes on with the next line; nothing in one line can stop the file. A leading byte-order
 * mark is ignored; blank lines are skipped. Each CSV file is read with its own header line. A
 * quoted CSV field may span lines (RFC 4180) when the joined lines make a record of the header's
 * width, at most {@value #MAX_RECORD_LINES} lines; otherwise the line with the opening quote alone
 * is rejected and reading resumes at the line after it. What leaves the reader is small (raw text
 * cut at {@value LineDecoder#RAW_TEXT_CHARS} characters), whatever the file held: Flink's
 * batch operators fail on records of megabytes.
 */
public final class RecordReader {

    public static final int MAX_LINE_BYTES = 1 << 20;
    public static final int MAX_ADAPTER_LINE_BYTES = 64 << 10;
    public static final int MAX_RECORD_LINES = 100;

    private record Line(long number, String text, String error, String printable) {}

    /** Why a CSV file's header cannot be used: for the user at start-up, and for each of its lines. */
    private record HeaderProblem(String message, String reason) {}

    private final InputKind kind;
    private final InputFormat format;
    private final String file;
    private final ByteLines lines;
    private final LineDecoder decoder;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private List<String> header;
    private HeaderProblem headerProblem;
    private int[] columnIndex;
    private boolean first = true;

    /**
     * @param file the file's name as it is reported
     */
    public RecordReader(InputKind kind, InputFormat format, Charset charset, String file, InputStream in)
            throws IOException {
        this.kind = kind;
        this.format = format;
        this.file = file;
        this.lines = new ByteLines(in, format == InputFormat.LINES ? MAX_ADAPTER_LINE_BYTES : MAX_LINE_BYTES);
        this.decoder = new LineDecoder(charset);
        if (format == InputFormat.CSV) {
            headerProblem = readHeader();
        }
    }

    /**
     * Why this CSV file's header cannot be used (a required column missing, a column named twice,
     * an unreadable line), or null; every line of such a file is rejected with the reason.
     */
    public String headerProblem() {
        return headerProblem == null ? null : headerProblem.message();
    }

    /** The header's column names, lower case (CSV only; empty for a file without lines). */
    public List<String> header() {
        return header;
    }

    /** The next record, or null at the end of the file. */
    public InputRecord next() throws IOException {
        while (true) {
            Line line = take();
            if (line == null) {
                return null;
            }
            if (line.error() != null) {
                return new InputRecord(file, line.number(), line.printable(), line.error(), null); // already cut
            }
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            if (headerProblem != null) {
                return failed(line.number(), text, headerProblem.reason());
            }
            switch (format) {
                case LINES:
                    return new InputRecord(file, line.number(), text, null, new String[] {text});
                case JSON: {
                    String[] error = new String[1];
                    String[] values = JsonRecord.parse(text, kind.columns(), error);
                    return values == null ? failed(line.number(), text, error[0]) : checked(line.number(), text, values);
                }
                default: {
                    InputRecord record = csv(line);
                    if (record != null) {
                        return record;
                    }
                }
            }
        }
    }

    /** A CSV record starting at {@code line}; null for a repeated header line. */
    private InputRecord csv(Line line) throws IOException {
        String text = line.text();
        CsvRecord.Parsed parsed = CsvRecord.parse(text);
        if (parsed.openQuote()) {
            List<Line> taken = new ArrayList<>();
            StringBuilder joined = new StringBuilder(text);
            while (taken.size() < MAX_RECORD_LINES - 1 && joined.length() < MAX_LINE_BYTES) {
                Line more = take();
                if (more == null) {
                    break;
                }
                taken.add(more);
                if (more.error() != null) {
                    break;
                }
                joined.append('\n').append(more.text());
                // scan only the new line for the closing quote; parse the whole record once, when it closes
                if (!CsvRecord.stillQuoted(more.text())) {
                    CsvRecord.Parsed whole = CsvRecord.parse(joined.toString());
                    if (!whole.openQuote() && whole.error() == null && whole.fields().length == header.size()) {
                        return record(line.number(), joined.toString(), whole.fields());
                    }
                    break;
                }
            }
            for (int i = taken.size() - 1; i >= 0; i--) {
                pushedBack.addFirst(taken.get(i));
            }
            return failed(line.number(), text, "unterminated quote in CSV line");
        }
        if (parsed.error() != null) {
            return failed(line.number(), text, parsed.error());
        }
        String[] fields = parsed.fields();
        if (fields.length != header.size()) {
            return failed(line.number(), text, "expected " + header.size() + " columns, found "
                    + fields.length);
        }
        if (isHeader(fields)) {
            return null;
        }
        return record(line.number(), text, fields);
    }

    private InputRecord record(long number, String text, String[] fields) {
        String[] values = new String[columnIndex.length];
        for (int i = 0; i < columnIndex.length; i++) {
            values[i] = columnIndex[i] < 0 ? null : fields[columnIndex[i]];
        }
        return checked(number, text, values);
    }

    /** The record, unless a value is too long to go on (ids are judged later, by TextChecks). */
    private InputRecord checked(long number, String text, String[] values) {
        String problem = TextChecks.textProblem(kind.columns(), values);
        if (problem != null) {
            return failed(number, text, problem);
        }
        return new InputRecord(file, number, LineDecoder.cut(text, text.length()), null, values);
    }

    private InputRecord failed(long number, String text, String error) {
        return new InputRecord(file, number, LineDecoder.cut(text, text.length()), error, null);
    }

    private boolean isHeader(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i] == null ? "" : fields[i].toLowerCase(Locale.ROOT);
            if (!name.equals(header.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Reads the header line; returns what makes it unusable, or null. */
    private HeaderProblem readHeader() throws IOException {
        header = List.of();
        columnIndex = new int[kind.columns().size()];
        Arrays.fill(columnIndex, -1);
        Line line;
        do {
            line = take();
            if (line == null) {
                return null;
            }
            if (line.error() != null) {
                return problem("its header line cannot be read: " + line.error(), "");
            }
        } while (line.text().isBlank());
        CsvRecord.Parsed parsed = CsvRecord.parse(line.text());
        if (parsed.fields() == null) {
            return problem("its header line is not a CSV line (" + (parsed.openQuote() ? "unterminated quote"
                    : parsed.error()) + ")", "");
        }
        List<String> names = new ArrayList<>();
        for (String name : parsed.fields()) {
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (!n.isEmpty() && names.contains(n)) {
                return problem("its header line names the column '" + n + "' twice", "");
            }
            names.add(n);
        }
        for (String column : kind.required()) {
            if (!names.contains(column)) {
                return problem("its header line has no column '" + column + "'", " (" + LineDecoder.cut(line.text().strip(), line.text().strip().length())
                        + "); the " + kind.label() + " input needs " + String.join(", ", kind.required())
                        + " — or map your layout with --source-sql");
            }
        }
        header = List.copyOf(names);
        List<String> columns = kind.columns();
        for (int i = 0; i < columns.size(); i++) {
            columnIndex[i] = names.indexOf(columns.get(i));
        }
        return null;
    }

    private HeaderProblem problem(String what, String advice) {
        return new HeaderProblem("the " + kind.label() + " file " + file + " cannot be used: " + what + advice,
                "not read: " + what);
    }

    private Line take() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pollFirst();
        }
        if (!lines.next()) {
            return null;
        }
        byte[] bytes = lines.bytes();
        int length = lines.length();
        int offset = 0;
        if (first) {
            first = false;
            if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                offset = 3;
            }
        }
        byte[] content = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, length);
        int contentLength = length - offset;
        if (lines.tooLong()) {
            return new Line(lines.number(), null, String.format(Locale.ROOT,
                    "line of %,d bytes is longer than the %,d accepted", lines.fullLength(),
                    format == InputFormat.LINES ? MAX_ADAPTER_LINE_BYTES : MAX_LINE_BYTES),
                    decoder.printable(content, Math.min(contentLength, LineDecoder.RAW_TEXT_CHARS * 4),
                            lines.fullLength()));
        }
        String text = decoder.decode(content, contentLength);
        if (text == null) {
            return new Line(lines.number(), null, decoder.error(),
                    decoder.printable(content, contentLength, lines.fullLength()));
        }
        return new Line(lines.number(), text, null, null);
    }
}
