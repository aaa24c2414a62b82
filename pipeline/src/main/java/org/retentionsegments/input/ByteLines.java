package org.retentionsegments.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The physical lines of a byte stream, split at {@code \n} with a trailing {@code \r} removed,
 * numbered from 1. A line longer than {@code maxBytes} is kept only up to that length and marked
 * {@link #tooLong()}; the rest of it is skipped, never buffered.
 */
final class ByteLines {

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    private byte[] line = new byte[256];
    private int length;
    private long fullLength;
    private long number;
    private byte lastByte;

    ByteLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        fullLength = 0;
        lastByte = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            append(start, end - start);
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        if (lastByte == '\r') {
            if (length == fullLength) {
                length--;
            }
            fullLength--;
        }
        number++;
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(int from, int count) {
        if (count > 0) {
            lastByte = buffer[from + count - 1];
        }
        fullLength += count;
        int keep = Math.min(count, maxBytes - length);
        if (keep <= 0) {
            return;
        }
        if (length + keep > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + keep));
        }
        System.arraycopy(buffer, from, line, length, keep);
        length += keep;
    }

    byte[] bytes() {
        return line;
    }

    /** Bytes of the line held in {@link #bytes()}. */
    int length() {
        return length;
    }

    /** The line's whole length in bytes, also when it was too long to keep. */
    long fullLength() {
        return fullLength;
    }

    boolean tooLong() {
        return fullLength > maxBytes;
    }

    /** The line's number in the stream, from 1. */
    long number() {
        return number;
    }
}
