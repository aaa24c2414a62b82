package org.retentionsegments.warehouse;

/**
 * The outcome of one model test.
 *
 * @param name the test file's name without extension
 * @param passed whether it passed
 * @param message why it failed (the rows found, the first difference, the SQL error); empty when it passed
 */
public record ModelTestResult(String name, boolean passed, String message) {

    static ModelTestResult pass(String name) {
        return new ModelTestResult(name, true, "");
    }

    static ModelTestResult fail(String name, String message) {
        return new ModelTestResult(name, false, WarehouseException.oneLine(message));
    }
}
