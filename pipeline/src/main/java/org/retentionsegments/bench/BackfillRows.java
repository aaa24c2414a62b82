package org.retentionsegments.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.retentionsegments.core.ActivityDay;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.ScoreBoundary;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.SegmentTransition;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.WarehouseRow;

/**
 * The rows a bounded backfill sends to the warehouse, in the order the refresh emits them: per
 * weekly refresh, the customers' activity days of the week, 15 score boundaries, then per customer
 * a transition when the segment moved (a treatment when it moved into an always-on segment) and a
 * kept snapshot; the last refresh also writes {@code customer_segment}. Deterministic for a seed.
 */
final class BackfillRows {

    private static final String[] SEGMENTS = {"Champions", "Loyal", "Potential Loyalist", "New Customers",
        "Promising", "Need Attention", "About To Sleep", "At Risk", "Cannot Lose Them", "Hibernating", "Lost"};
    private static final String[] CATEGORIES = {"home", "kitchen", "garden", "toys", "apparel", "shoes"};
    private static final LifecycleStage[] STAGES = LifecycleStage.values();
    private static final LocalDate FIRST_REFRESH = LocalDate.of(2023, 1, 2);

    private BackfillRows() {}

    /** About {@code rows} rows (the last refresh is completed) for {@code customers} customers. */
    static List<WarehouseRow> generate(int rows, int customers, long seed) {
        Random random = new Random(seed);
        byte[] segment = new byte[customers];
        java.util.Arrays.fill(segment, (byte) -1);
        List<WarehouseRow> out = new ArrayList<>(rows + 3 * customers);
        LocalDate asOf = FIRST_REFRESH;
        boolean last = false;
        while (!last) {
            last = out.size() + 2.2 * customers >= rows;
            for (int c = 0; c < customers; c++) {
                if (random.nextInt(3) == 0) {
                    out.add(new ActivityDay(id(c), asOf.minusDays(1 + random.nextInt(7)), 1 + random.nextInt(2),
                            random.nextInt(8) == 0 ? 1 : 0, cents(random, 400), cents(random, 20), random.nextInt(6)));
                }
            }
            for (String dimension : new String[] {"recency", "frequency", "monetary"}) {
                for (int score = 1; score <= 5; score++) {
                    out.add(new ScoreBoundary(asOf, dimension, "quantile", score, score == 1 ? null : score * 11.5,
                            score == 5 ? null : score * 11.5 + 11.5, customers / 5));
                }
            }
            for (int c = 0; c < customers; c++) {
                byte now = segment[c] < 0 || random.nextInt(7) == 0 ? (byte) random.nextInt(SEGMENTS.length) : segment[c];
                Arm arm = c % 10 == 0 ? Arm.HOLDOUT : Arm.TREATMENT;
                if (now != segment[c]) {
                    out.add(new SegmentTransition(id(c), asOf, segment[c] < 0 ? null : SEGMENTS[segment[c]], SEGMENTS[now]));
                    if (now >= 7) {
                        out.add(new Treatment("winback-" + SEGMENTS[now].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                                id(c), asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), arm, SEGMENTS[now], "email",
                                arm == Arm.TREATMENT ? 0.35 : 0.0, "always_on"));
                    }
                    segment[c] = now;
                }
                out.add(assignment(random, c, asOf, SEGMENTS[now], arm, last));
            }
            asOf = asOf.plusDays(7);
        }
        return out;
    }

    private static SegmentAssignment assignment(Random random, int c, LocalDate asOf, String segment, Arm arm, boolean current) {
        boolean prospect = random.nextInt(20) == 0;
        int r = 1 + random.nextInt(5);
        int f = 1 + random.nextInt(5);
        int m = 1 + random.nextInt(5);
        boolean affinity = random.nextInt(3) > 0;
        return new SegmentAssignment(id(c), asOf, prospect ? null : random.nextInt(700), prospect ? 0 : 1 + random.nextInt(40),
                prospect ? 0.0 : cents(random, 5000), prospect ? null : r, prospect ? null : f, prospect ? null : m,
                prospect ? null : "" + r + f + m, prospect ? null : (r + f + m) / 3.0,
                prospect ? LifecycleStage.PROSPECT : STAGES[1 + random.nextInt(STAGES.length - 1)],
                random.nextInt(9) == 0, random.nextBoolean(), random.nextInt(5) == 0, random.nextInt(4) == 0,
                affinity ? CATEGORIES[random.nextInt(CATEGORIES.length)] : null, affinity ? random.nextInt(100) / 100.0 : null,
                random.nextInt(12), random.nextInt(30), segment, "strategy-" + segment.length(),
                prospect ? null : arm, true, current);
    }

    private static double cents(Random random, int max) {
        return random.nextInt(max * 100) / 100.0;
    }

    private static String id(int customer) {
        return String.format("C%07d", customer);
    }
}
