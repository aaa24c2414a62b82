package org.retentionsegments.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line that says what was wrong (and, in the message, what to do),
 * instead of a stack trace. {@code SEGMENTS_DEBUG=1} prints the trace as well (the README says so).
 */
final class Errors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("error: " + message(e));
        if (System.getenv("SEGMENTS_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The most telling message in the cause chain: the deepest one that is our own, or the root. */
    static String message(Throwable e) {
        Throwable ours = null;
        Throwable telling = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.retentionsegments.")) {
                ours = t;
            } else if (t instanceof IllegalArgumentException || t instanceof java.io.IOException) {
                telling = telling == null ? t : telling;
            }
            root = t;
        }
        Throwable best = ours != null ? ours : telling != null ? telling : root;
        String message = best.getMessage();
        return message == null || message.isBlank() ? best.getClass().getSimpleName() : message.strip();
    }
}
