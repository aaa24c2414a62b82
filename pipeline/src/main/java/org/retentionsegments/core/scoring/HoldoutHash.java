package org.retentionsegments.core.scoring;

import java.nio.charset.StandardCharsets;
import org.retentionsegments.core.Arm;

/**
 * The deterministic holdout draw: a customer is in the holdout arm when
 * {@code unit(salt, customerId) < holdoutShare}. The draw depends only on salt and id, so it is
 * stable across refreshes, restarts and machines, and independent of the segment: within every
 * segment the holdout is a uniform random sample.
 *
 * <p>{@code unit} = the top 53 bits of splitmix64-finalised FNV-1a-64 over the UTF-8 bytes of
 * {@code salt}, a zero byte and {@code customerId}, scaled to [0, 1).
 */
public final class HoldoutHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private HoldoutHash() {}

    public static double unit(String salt, String customerId) {
        long h = FNV_OFFSET;
        for (byte b : salt.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        h *= FNV_PRIME; // the zero separator byte
        for (byte b : customerId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h = h ^ (h >>> 31);
        return (h >>> 11) * 0x1.0p-53;
    }

    public static Arm arm(String salt, String customerId, double holdoutShare) {
        return unit(salt, customerId) < holdoutShare ? Arm.HOLDOUT : Arm.TREATMENT;
    }
}
