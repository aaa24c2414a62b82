package org.retentionsegments.core.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adds and removes of an audience against the membership its previous export sent. */
class AudienceChangesTest {

    private static AudienceRow row(String customer, String email, String phone) {
        return new AudienceRow("a:email:contact:" + customer, customer, "A", "s", "email", "contact", null, email, phone,
                "treatment", LocalDate.of(2026, 1, 1), null);
    }

    private static List<String> added(AudienceChanges c) {
        return c.added().stream().map(AudienceRow::customerId).toList();
    }

    @Test
    void aFirstExportAddsEveryone() {
        AudienceChanges c = AudienceChanges.of(Map.of(), List.of(row("c1", "e1", null), row("c2", null, null)));
        assertEquals(List.of("c1", "c2"), added(c));
        assertEquals(List.of(), c.removed());
    }

    @Test
    void newMembersAreAddedGoneOnesRemovedAndTheUnchangedLeftOut() {
        Map<String, Member> previous = Map.of("c1", new Member("c1", "e1", "p1"), "c3", new Member("c3", "e3", null),
                "c0", new Member("c0", null, null));
        AudienceChanges c = AudienceChanges.of(previous, List.of(row("c1", "e1", "p1"), row("c2", "e2", null)));
        assertEquals(List.of("c2"), added(c));
        assertEquals(List.of(new Member("c0", null, null), new Member("c3", "e3", null)), c.removed());
    }

    @Test
    void aChangedHashIsARemoveOfTheOldAndAnAddOfTheNew() {
        AudienceChanges c = AudienceChanges.of(Map.of("c1", new Member("c1", "old", "p1")),
                List.of(row("c1", "new", "p1")));
        assertEquals(List.of("c1"), added(c));
        assertEquals(List.of(new Member("c1", "old", "p1")), c.removed());
        assertEquals("new", c.added().get(0).emailSha256());
    }
}
