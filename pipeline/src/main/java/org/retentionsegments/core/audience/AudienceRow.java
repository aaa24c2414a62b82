package org.retentionsegments.core.audience;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row of the {@code audience} view: one customer in one audience.
 *
 * @param rowKey the row's stable key (audience key and customer id)
 * @param membership {@code contact} or {@code suppression}
 * @param reason why a suppressed customer is (suppressed_segment, holdout, unsubscribed, no_consent); null for a contact
 * @param emailSha256 SHA-256 of the normalised email; null when none
 * @param phoneSha256 SHA-256 of the E.164 phone; null when none
 * @param arm treatment or holdout; null when the strategy runs no program
 */
public record AudienceRow(String rowKey, String customerId, String segment, String strategy, String channel,
        String membership, String reason, String emailSha256, String phoneSha256, String arm, LocalDate asOf,
        LocalDateTime updatedAt) {

    /** The customer as an export remembers it. */
    public Member member() {
        return new Member(customerId, emailSha256, phoneSha256);
    }
}
