package org.retentionsegments.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test customers in three groups that K-Means should find: recent frequent big spenders
 * ({@code top*}), recent small buyers ({@code new*}) and lapsed small buyers ({@code gone*}),
 * interleaved, drawn from the given random.
 */
public final class ThreeGroups {

    private ThreeGroups() {}

    public static List<RfmPoint> of(int perGroup, Random random) {
        List<RfmPoint> points = new ArrayList<>();
        for (int i = 0; i < perGroup; i++) {
            points.add(new RfmPoint("top" + i, 3 + random.nextInt(20), 3 + random.nextInt(4), 150 + random.nextInt(200)));
            points.add(new RfmPoint("new" + i, 2 + random.nextInt(25), 1 + random.nextInt(2), 20 + random.nextInt(60)));
            points.add(new RfmPoint("gone" + i, 300 + random.nextInt(200), 1 + random.nextInt(2), 20 + random.nextInt(60)));
        }
        return points;
    }
}
