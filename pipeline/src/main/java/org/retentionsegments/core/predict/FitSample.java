package org.retentionsegments.core.predict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The customers a fit runs on when there are many: the {@code limit} customers whose ids have the
 * lowest SHA-256 hashes (the first 8 bytes, unsigned), a sample that is random with respect to
 * anything the models see yet the same at every run, on every engine and in any order of the
 * input. Fader, Hardie and Lee (2005) fitted BG/NBD on a 1/10 sample of the CDNOW cohort; the
 * maximum-likelihood estimates of a few parameters settle long before 50,000 customers, and every
 * customer is still predicted with them.
 */
public final class FitSample {

    /** The customers a bounded run fits on at most. */
    public static final int DEFAULT_LIMIT = 50_000;

    private FitSample() {}

    /** Whether a customer is in the sample of at most {@code limit} of {@code customers} (all when fewer). */
    public static Predicate<String> of(Collection<String> customers, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a fit needs at least one customer, not a limit of " + limit);
        }
        if (customers.size() <= limit) {
            return id -> true;
        }
        long[] hashes = new long[customers.size()];
        int i = 0;
        for (String id : customers) {
            hashes[i++] = hash(id) ^ Long.MIN_VALUE; // unsigned order as signed
        }
        Arrays.sort(hashes);
        long cut = hashes[limit - 1];
        Set<String> chosen = new HashSet<>();
        for (String id : customers) {
            if ((hash(id) ^ Long.MIN_VALUE) <= cut) {
                chosen.add(id);
            }
        }
        return chosen::contains;
    }

    /** The first 8 bytes of the SHA-256 of the id's UTF-8 bytes, big-endian. */
    static long hash(String customerId) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        long h = 0;
        for (int k = 0; k < 8; k++) {
            h = (h << 8) | (d[k] & 0xff);
        }
        return h;
    }
}
