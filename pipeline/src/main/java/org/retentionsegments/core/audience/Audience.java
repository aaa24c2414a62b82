package org.retentionsegments.core.audience;

/**
 * One list of the {@code audience} view: a segment, a channel and a membership.
 *
 * @param key the view's audience_key, e.g. {@code at_risk:email:contact}
 * @param membership {@code contact} or {@code suppression}
 */
public record Audience(String key, String segment, String channel, String membership) {

    /** The file name without its extension: the key with dots for colons ({@code at_risk.email.contact}). */
    public String fileStem() {
        return key.replace(':', '.');
    }

    public boolean suppression() {
        return "suppression".equals(membership);
    }
}
