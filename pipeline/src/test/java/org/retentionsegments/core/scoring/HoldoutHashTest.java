package org.retentionsegments.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.retentionsegments.core.Arm;

class HoldoutHashTest {

    private static final int N = 100_000;

    @Test
    void holdoutShareIsMetWithinTolerance() {
        for (double share : new double[] {0.05, 0.1, 0.5}) {
            int holdout = 0;
            for (int i = 0; i < N; i++) {
                if (HoldoutHash.arm("always_on", "C" + i, share) == Arm.HOLDOUT) {
                    holdout++;
                }
            }
            // 4 standard deviations of a binomial(N, share)
            double tolerance = 4 * Math.sqrt(N * share * (1 - share));
            assertEquals(N * share, holdout, tolerance, "share " + share);
        }
    }

    @Test
    void drawsAreUniformAcrossTenBuckets() {
        int[] buckets = new int[10];
        for (int i = 0; i < N; i++) {
            buckets[(int) (HoldoutHash.unit("s", Integer.toString(i)) * 10)]++;
        }
        double chiSquare = 0;
        for (int count : buckets) {
            chiSquare += Math.pow(count - N / 10.0, 2) / (N / 10.0);
        }
        assertTrue(chiSquare < 27.9, "chi-square " + chiSquare); // p = 0.001, 9 dof
    }

    @Test
    void drawIsStableAndDependsOnSaltAndId() {
        assertEquals(HoldoutHash.unit("always_on", "12345"), HoldoutHash.unit("always_on", "12345"));
        assertNotEquals(HoldoutHash.unit("always_on", "12345"), HoldoutHash.unit("winback", "12345"));
        assertNotEquals(HoldoutHash.unit("ab", "c"), HoldoutHash.unit("a", "bc"));
        double u = HoldoutHash.unit("always_on", "17850");
        assertTrue(u >= 0 && u < 1);
        assertEquals(0.0, HoldoutHash.unit("x", "y") - HoldoutHash.unit("x", "y"));
    }

    @Test
    void drawMatchesTheDocumentedDefinition() {
        // Pinned values, computed independently (FNV-1a-64 + splitmix64 finalizer in Python),
        // so SQL or other tools can reproduce the arm of a customer.
        assertEquals(0.6817121373990654, HoldoutHash.unit("always_on", "17850"));
        assertEquals(0.14838301097631856, HoldoutHash.unit("", ""));
    }

    @Test
    void zeroShareMeansEveryoneTreated() {
        for (int i = 0; i < 1000; i++) {
            assertEquals(Arm.TREATMENT, HoldoutHash.arm("s", "C" + i, 0));
        }
    }
}
