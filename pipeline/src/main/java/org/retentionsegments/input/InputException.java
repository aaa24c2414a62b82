package org.retentionsegments.input;

/** An input that cannot be read at all; the message says what is wrong and what to do. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
