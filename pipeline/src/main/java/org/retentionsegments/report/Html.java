package org.retentionsegments.report;

/** HTML text helpers. */
final class Html {

    private Html() {}

    /** The text safe inside an element or a quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : Fmt.spaces(text).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code <tag>escaped text</tag>}. */
    static String el(String tag, String text) {
        return "<" + tag + ">" + escape(text) + "</" + tag.split(" ")[0] + ">";
    }
}
