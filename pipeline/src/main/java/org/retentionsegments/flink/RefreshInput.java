package org.retentionsegments.flink;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.Treatment;
import org.retentionsegments.flink.state.EdgeTypes;

/**
 * What reaches the refresh operator: a customer's new facts, the news that a customer has been
 * forgotten (inactive past the horizon), or a treatment row read from the input, to be stamped
 * with the customer's segment at that time.
 */
@TypeInfo(EdgeTypes.RefreshInputFactory.class) // sent between tasks in a compact encoding
public record RefreshInput(CustomerFacts facts, String forgottenCustomerId, Treatment treatment) {

    /** The customer this input is about. */
    public String customerId() {
        return facts != null ? facts.customerId() : forgottenCustomerId != null ? forgottenCustomerId : treatment.customerId();
    }

    public static RefreshInput facts(CustomerFacts facts) {
        return new RefreshInput(facts, null, null);
    }

    public static RefreshInput forget(String customerId) {
        return new RefreshInput(null, customerId, null);
    }

    public static RefreshInput treatment(Treatment treatment) {
        return new RefreshInput(null, null, treatment);
    }
}
