package org.retentionsegments.input.prepare;

import java.util.Comparator;
import java.util.Locale;

/** The SQL string functions the feature views use, with their SQL meaning. */
final class Texts {

    private Texts() {}

    /** SQL {@code TRIM}: spaces (U+0020) only, both ends. */
    static String trimSpaces(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** SQL {@code LOWER(TRIM(s))}. */
    static String lowerTrim(String s) {
        return s == null ? null : trimSpaces(s).toLowerCase(Locale.ROOT);
    }

    /** {@code REGEXP_REPLACE(s, '[;=]', '_')}: a name cleaned of the separators of the packed lists. */
    static String listName(String s) {
        return s == null ? null : s.replace(';', '_').replace('=', '_');
    }

    /** SQL string order (UTF-8 bytes, i.e. code points), which differs from {@link String#compareTo} above U+FFFF. */
    static final Comparator<String> SQL_ORDER = Texts::compare;

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The smaller of two strings in SQL order, nulls ignored (SQL {@code MIN}). */
    static String min(String a, String b) {
        return a == null ? b : b == null ? a : compare(a, b) <= 0 ? a : b;
    }

    /** The larger of two strings in SQL order, nulls ignored (SQL {@code MAX}). */
    static String max(String a, String b) {
        return a == null ? b : b == null ? a : compare(a, b) >= 0 ? a : b;
    }
}
