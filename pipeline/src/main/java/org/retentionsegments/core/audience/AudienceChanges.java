package org.retentionsegments.core.audience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in an audience since its previous export, for sync tools that take adds and
 * removes: a customer now in it and not before is added; one before and not now is removed; one
 * whose hashed email or phone changed is removed with the old hashes and added with the new (ad
 * platforms match on the hashes, so to them it is another person). A first export adds everyone.
 *
 * @param added the rows to add, in the order of the current rows
 * @param removed the members to remove, by customer id
 */
public record AudienceChanges(List<AudienceRow> added, List<Member> removed) {

    public static AudienceChanges of(Map<String, Member> previous, List<AudienceRow> current) {
        List<AudienceRow> added = new ArrayList<>();
        Map<String, Member> gone = new HashMap<>(previous);
        List<Member> removed = new ArrayList<>();
        for (AudienceRow row : current) {
            Member before = gone.remove(row.customerId());
            if (before == null) {
                added.add(row);
            } else if (!before.sameContacts(row.member())) {
                removed.add(before);
                added.add(row);
            }
        }
        removed.addAll(gone.values());
        removed.sort(Comparator.comparing(Member::customerId));
        return new AudienceChanges(List.copyOf(added), List.copyOf(removed));
    }
}
