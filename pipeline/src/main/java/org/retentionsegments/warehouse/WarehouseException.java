package org.retentionsegments.warehouse;

/**
 * The warehouse cannot be used. The message is one line that says what went wrong and what to do,
 * fit to print to a user as it is (passwords masked, see {@link Secrets}); the cause keeps the
 * driver's detail.
 */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(Secrets.mask(oneLine(message)), cause);
    }

    public WarehouseException(String message) {
        this(message, null);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
