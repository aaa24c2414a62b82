package org.retentionsegments.flink;

import java.util.ArrayList;
import java.util.List;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.core.refresh.CustomerRefresh;

/**
 * The scoring task's keyed state of one customer: the facts the last refresh used and the segment
 * it placed the customer in, plus what arrived for later refreshes: newer facts or a forget (by
 * time), and treatments waiting to be stamped with the segment of their time.
 */
public final class CustomerSlot {

    /** Facts (or, with {@code facts == null}, a forget) that take effect at {@code at}. */
    public static final class Pending {
        public long at;
        public CustomerFacts facts;

        public Pending() {}

        public Pending(long at, CustomerFacts facts) {
            this.at = at;
            this.facts = facts;
        }
    }

    public CustomerFacts facts;
    public byte segment = CustomerRefresh.NONE;
    public List<Pending> pending = new ArrayList<>();
    public List<Treatment> treatments = new ArrayList<>();

    public CustomerSlot() {}

    boolean isEmpty() {
        return facts == null && pending.isEmpty() && treatments.isEmpty();
    }
}
