package org.retentionsegments.input;

/**
 * One record of an input file: its canonical fields, or the reason it could not be read.
 *
 * @param file the file it came from
 * @param line the number of its first line in the file, from 1
 * @param raw its text (for an unreadable line: printable, invalid bytes as {@code \xNN}, cut)
 * @param error why the record could not be read; null when it could
 * @param fields the canonical columns in {@link InputKind#columns()} order (for lines handed to
 *     an adapter: the line alone); null when {@code error} is set
 */
public record InputRecord(String file, long line, String raw, String error, String[] fields) {}
