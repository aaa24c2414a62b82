package org.retentionsegments.warehouse;

import static org.retentionsegments.core.fixtures.ConfigTexts.CLASSIC_SEGMENTS;
import static org.retentionsegments.core.fixtures.ConfigTexts.replaceOnce;
import static org.retentionsegments.warehouse.WarehouseFixtures.AS_OF;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.Arm;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.SegmentAssignment;
import org.retentionsegments.core.WarehouseRow;

/**
 * A warehouse and a segments.yaml with data contracts ({@code expect:}) whose verdicts are known:
 * the default rules with contracts on Prospects, Champions, Loyal and New, and two refreshes of
 * seven customers ({@link #EARLIER} kept only, {@link WarehouseFixtures#AS_OF} kept and current).
 */
public final class ContractFixtures {

    /** The kept refresh before {@link WarehouseFixtures#AS_OF}. */
    public static final LocalDate EARLIER = AS_OF.minusMonths(1);

    /** The default segments.yaml with contracts (see {@link #CURRENT_LINES} for their verdicts as of AS_OF). */
    public static final String SEGMENTS_WITH_CONTRACTS = contracts();

    /** The verdicts as of AS_OF, in the order of segments.yaml. */
    public static final List<String> CURRENT_LINES = List.of(
            "  PASS  Prospects: 1 of 1 customers (100 %) are lifecycle prospect (expected all)",
            "  FAIL  Champions: 3 customers, expected at least 1,000",
            "  PASS  Champions: 67 % of 3 customers are recency 0-120 days (expected at least 60 %)",
            "  FAIL  Champions: 1 of 3 customers (33 %) are frequency 5+ and monetary 100-500, expected all",
            "  PASS  Loyal: no customers, nothing to check (high_return_rate false)",
            "  FAIL  New: 67 % of 3 customers are lifecycle new, expected at least 90 %");

    private ContractFixtures() {}

    private static String contracts() {
        String s = replaceOnce(CLASSIC_SEGMENTS, "    when: { lifecycle: prospect }\n",
                "    when: { lifecycle: prospect }\n    expect: { lifecycle: prospect }\n");
        s = replaceOnce(s, "    when: { r: 4-5, f: 4-5, m: 4-5 }\n", "    when: { r: 4-5, f: 4-5, m: 4-5 }\n"
                + "    expect:\n"
                + "      - { min_size: 1000, recency_days: 0-120, share_at_least: 0.6 }\n"
                + "      - { frequency: 5+, monetary: 100-500 }\n");
        s = replaceOnce(s, "  - name: Loyal\n", "  - name: Loyal\n    expect: { flags: { high_return_rate: false } }\n");
        return replaceOnce(s, "    when: { r: 5, f: 1 }\n",
                "    when: { r: 5, f: 1 }\n    expect: { lifecycle: new, share_at_least: 0.9 }\n");
    }

    /**
     * As of AS_OF (kept and current): Champions c1 (recency 10, 5 orders, $300), c2 (20, 3, $100),
     * c3 (200, 6, $600, high return rate); New n1 and n2 (new), n3 (active); Prospects p1. As of
     * EARLIER (kept only): Champions c1 (recency 40, 5 orders, $300), New n1 (new).
     */
    public static List<WarehouseRow> rows() {
        List<WarehouseRow> rows = new ArrayList<>();
        rows.add(customer("c1", EARLIER, "Champions", 40, 5, 300, LifecycleStage.ACTIVE, false, false));
        rows.add(customer("n1", EARLIER, "New", 3, 1, 20, LifecycleStage.NEW, false, false));
        rows.add(customer("c1", AS_OF, "Champions", 10, 5, 300, LifecycleStage.ACTIVE, false, true));
        rows.add(customer("c2", AS_OF, "Champions", 20, 3, 100, LifecycleStage.ACTIVE, false, true));
        rows.add(customer("c3", AS_OF, "Champions", 200, 6, 600, LifecycleStage.LAPSING, true, true));
        rows.add(customer("n1", AS_OF, "New", 5, 1, 20, LifecycleStage.NEW, false, true));
        rows.add(customer("n2", AS_OF, "New", 8, 1, 35, LifecycleStage.NEW, false, true));
        rows.add(customer("n3", AS_OF, "New", 40, 1, 15, LifecycleStage.ACTIVE, false, true));
        rows.add(new SegmentAssignment("p1", AS_OF, null, 0, 0.0, null, null, null, null, null,
                LifecycleStage.PROSPECT, false, false, false, false, null, null, 1, 2, "Prospects",
                "convert_first_purchase", Arm.TREATMENT, true, true));
        return rows;
    }

    private static SegmentAssignment customer(String id, LocalDate asOf, String segment, int recency, int frequency,
            double monetary, LifecycleStage stage, boolean highReturns, boolean current) {
        return new SegmentAssignment(id, asOf, recency, frequency, monetary, 3, 3, 3, "333", 3.0, stage,
                highReturns, false, false, false, "shoes", 0.6, 2, 6, segment, "s", Arm.TREATMENT, true, current);
    }
}
