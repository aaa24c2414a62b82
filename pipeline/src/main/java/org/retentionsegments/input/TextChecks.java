package org.retentionsegments.input;

import java.util.Locale;

/**
 * What makes an identifier or a text value unusable: ids must be visible text of at most
 * {@value #MAX_ID_CHARS} characters (an invisible or control character would make two ids that
 * look equal distinct, or hide in exports); other text values at most {@value #MAX_TEXT_CHARS}.
 * Each check returns the reason, or null when the value is fine (or absent).
 */
public final class TextChecks {

    public static final int MAX_ID_CHARS = 256;
    public static final int MAX_TEXT_CHARS = 1000;

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TextChecks() {}

    private static boolean joinsSymbols(String value, int at) {
        if (at == 0 || at + 1 >= value.length()) {
            return false;
        }
        int before = value.codePointBefore(at);
        int after = value.codePointAt(at + 1);
        return symbolic(before) && symbolic(after);
    }

    /** An emoji-like symbol, or the variation selector or skin tone that ends one. */
    private static boolean symbolic(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.NON_SPACING_MARK || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    public static String idProblem(String column, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_ID_CHARS && value.codePointCount(0, value.length()) > MAX_ID_CHARS) {
            return column + " is longer than " + MAX_ID_CHARS + " characters";
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.SURROGATE, Character.PRIVATE_USE -> {
                    if (cp == ZERO_WIDTH_JOINER && joinsSymbols(value, i)) {
                        i += 1; // the joiner inside an emoji sequence (👨‍👩‍👧) is visible as part of it
                        continue;
                    }
                    return column + " contains an invisible or control character (U+"
                            + String.format(Locale.ROOT, "%04X", cp) + " at character "
                            + (value.codePointCount(0, i) + 1) + ")";
                }
                default -> i += Character.charCount(cp);
            }
        }
        return null;
    }

    /** The first problem of a record's values, one per column, or null. */
    static String textProblem(java.util.List<String> columns, String[] values) {
        for (int i = 0; i < values.length; i++) {
            String problem = textProblem(columns.get(i), values[i]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    public static String textProblem(String column, String value) {
        if (value != null && value.length() > MAX_TEXT_CHARS && value.codePointCount(0, value.length()) > MAX_TEXT_CHARS) {
            return column + " is longer than " + String.format(Locale.ROOT, "%,d", MAX_TEXT_CHARS) + " characters";
        }
        return null;
    }
}
