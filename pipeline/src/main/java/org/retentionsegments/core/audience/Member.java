package org.retentionsegments.core.audience;

import java.util.Objects;

/** A customer as an audience's export sent it: its id and hashed contacts ({@code audience_export_member}). */
public record Member(String customerId, String emailSha256, String phoneSha256) {

    /** Whether an ad platform, which matches on the hashes, sees the same person. */
    boolean sameContacts(Member other) {
        return Objects.equals(emailSha256, other.emailSha256) && Objects.equals(phoneSha256, other.phoneSha256);
    }
}
