package org.retentionsegments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.retentionsegments.warehouse.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a failure into one line that says what was wrong (and, in the message, what to do),
 * instead of a stack trace or the whole usage text; passwords are masked ({@link Secrets}).
 * {@code SEGMENTS_DEBUG=1} (or {@code true}) prints the trace as well (the README says so).
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit code of a usage error (picocli's convention); a failure of the command itself is 1. */
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("error: " + Secrets.mask(message(e)));
        if (debugging(System.getenv("SEGMENTS_DEBUG"))) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.mask(trace.toString()));
        }
        err.flush();
        return 1;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = Secrets.mask(oneLine(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        err.println("error: " + message + "; see ./segments " + commandPath(cmd) + "--help");
        err.flush();
        return USAGE;
    }

    /** Whether SEGMENTS_DEBUG asks for stack traces: only {@code 1} or {@code true}, in any case. */
    static boolean debugging(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true");
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
        if (message == null || message.isBlank()) {
            return "unexpected " + best.getClass().getSimpleName() + ": run again with SEGMENTS_DEBUG=1 for the"
                    + " stack trace and report it";
        }
        return oneLine(message);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String commandPath(CommandLine cmd) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cmd; c != null && c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
