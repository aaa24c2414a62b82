package org.retentionsegments.cli;

/**
 * The exit codes every command's {@code --help} lists, in picocli's {@code exitCodeList} form
 * ({@code "code:meaning"}), as constants so that the annotations share one wording. {@link Errors}
 * returns {@link #FAILED} for a command that throws and {@link #USAGE} for a wrong command line;
 * a command with codes of its own ({@code explain}) adds them to its list.
 */
final class ExitCodes {

    /** A command that throws: the warehouse, a file or the configuration cannot be read or written. */
    static final int FAILURE = 1;
    /** A wrong command line (picocli's convention). */
    static final int WRONG_USAGE = 2;

    static final String HEADING = "%nExit codes:%n";
    static final String FAILED = "1:failed: a file, the warehouse or the configuration cannot be read or written"
            + " (one line on stderr; SEGMENTS_DEBUG=1 adds the stack trace)";
    static final String USAGE = "2:wrong usage: an unknown option, a missing or malformed value (one line on stderr)";

    private ExitCodes() {}
}
