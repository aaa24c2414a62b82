package org.retentionsegments.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.retentionsegments.warehouse.Secrets;

/**
 * An output stream that masks the process's secrets ({@link Secrets}) before they reach the
 * terminal. It holds bytes back until a line ends or the writer flushes, so a secret is masked
 * unless a single line is flushed in the middle of it. {@link #install} puts it under
 * {@code System.out} and {@code System.err}, so that everything the process prints (our lines,
 * Flink's and log4j's, stack traces) goes through it.
 */
final class MaskingOutput extends OutputStream {

    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    MaskingOutput(OutputStream target) {
        this.target = target;
    }

    /** Replaces System.out and System.err by masking streams; call it before anything logs. */
    static void install() {
        System.setOut(wrap(System.out, encoding("stdout")));
        System.setErr(wrap(System.err, encoding("stderr")));
    }

    /** A print stream writing through a masking stream to {@code target}, in the platform encoding. */
    static PrintStream wrap(PrintStream target) {
        return wrap(target, Charset.defaultCharset());
    }

    private static PrintStream wrap(PrintStream target, Charset charset) {
        return new PrintStream(new MaskingOutput(target), true, charset);
    }

    /** The encoding the JVM chose for a standard stream (the terminal's), as System.out and System.err use it. */
    private static Charset encoding(String stream) {
        String name = System.getProperty(stream + ".encoding", System.getProperty("sun." + stream + ".encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int from = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, from, i + 1 - from);
                emit();
                from = i + 1;
            }
        }
        pending.write(bytes, from, end - from);
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void emit() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        byte[] masked = Secrets.maskBytes(bytes, bytes.length);
        target.write(masked == null ? bytes : masked);
        pending.reset();
    }
}
