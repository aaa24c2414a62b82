package org.retentionsegments.hostile;

/**
 * What must become of one input record: accepted, dropped as a duplicate, rejected with a reason
 * (the exact text, or its start when the rest depends on the run, e.g. the future cut-off), or
 * skipped without being counted (blank and repeated header lines).
 */
record Fate(Outcome outcome, String reason, boolean reasonIsPrefix) {

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED, SKIPPED }

    static final Fate ACCEPTED = new Fate(Outcome.ACCEPTED, null, false);
    static final Fate DUPLICATE = new Fate(Outcome.DUPLICATE, null, false);
    static final Fate SKIPPED = new Fate(Outcome.SKIPPED, null, false);

    static Fate rejected(String reason) {
        return new Fate(Outcome.REJECTED, reason, false);
    }

    static Fate rejectedStartingWith(String start) {
        return new Fate(Outcome.REJECTED, start, true);
    }

    boolean matches(String actualReason) {
        return actualReason != null && (reasonIsPrefix ? actualReason.startsWith(reason) : actualReason.equals(reason));
    }

    @Override
    public String toString() {
        return outcome == Outcome.REJECTED ? "rejected '" + reason + (reasonIsPrefix ? "…'" : "'") : outcome.name().toLowerCase();
    }
}
