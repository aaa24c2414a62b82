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
    /**
     * Facts and forgets waiting for their time, and treatments waiting for a segment. Both are
     * nearly always empty between refreshes: an empty list holds no array ({@link #trim}), where a
     * list once used would keep its first ten places for good, per customer.
     */
    public List<Pending> pending = new ArrayList<>(0);
    public List<Treatment> treatments = new ArrayList<>(0);

    public CustomerSlot() {}

    /** Lets go of the arrays of the lists that are empty. */
    void trim() {
        if (pending.isEmpty() && pending instanceof ArrayList<Pending> list) {
            list.trimToSize();
        }
        if (treatments.isEmpty() && treatments instanceof ArrayList<Treatment> list) {
            list.trimToSize();
        }
    }

    boolean isEmpty() {
        return facts == null && pending.isEmpty() && treatments.isEmpty();
    }
}
