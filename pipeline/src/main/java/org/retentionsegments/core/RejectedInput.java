package org.retentionsegments.core;

/**
 * A row of input that could not be used, kept with the reason and where it was. Rows of one run
 * are replaced when the run is replayed under the same run id.
 *
 * @param inputFile the file it was read from; null when an adapter gave no position
 * @param inputLine the number of its (first) line in that file; null likewise
 */
public record RejectedInput(String runId, String source, String inputFile, Long inputLine, String rawText,
        String reason)
        implements WarehouseRow {

    /** Rejected rows keep at most this many characters of their text, and of their reason. */
    public static final int MAX_CHARS = 8192;

    public RejectedInput {
        rawText = cut(rawText);
        reason = cut(reason);
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, MAX_CHARS) + "… [cut: " + String.format(java.util.Locale.ROOT, "%,d", text.length())
                + " characters]";
    }
}
