package org.retentionsegments.core.config;

import java.util.List;

/**
 * One rule of {@code segments.yaml}: a segment, the marketer's description of it, and the
 * condition sets that put a customer into it (any one suffices; none = catch-all).
 *
 * @param index position in the rule order, 0 first
 * @param engagementRank higher = more engaged; lowering recency must never raise it
 * @param persona the marketer's persona (goals, pain points, behaviour, messaging); {@link Persona#NONE} when
 *     segments.yaml writes none
 * @param expect the segment's data contracts ({@code expect:}), checked by {@code config check --warehouse}
 *     and the report; empty when segments.yaml writes none
 */
public record SegmentDefinition(
        String name,
        int index,
        int engagementRank,
        String description,
        String profile,
        String needs,
        String churnDrivers,
        List<Condition> when,
        Persona persona,
        List<SegmentContract> expect) {

    public SegmentDefinition {
        when = List.copyOf(when);
        persona = persona == null ? Persona.NONE : persona;
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    /** A segment without data contracts. */
    public SegmentDefinition(String name, int index, int engagementRank, String description, String profile,
            String needs, String churnDrivers, List<Condition> when, Persona persona) {
        this(name, index, engagementRank, description, profile, needs, churnDrivers, when, persona, List.of());
    }

    /** A segment without a persona. */
    public SegmentDefinition(String name, int index, int engagementRank, String description, String profile,
            String needs, String churnDrivers, List<Condition> when) {
        this(name, index, engagementRank, description, profile, needs, churnDrivers, when, Persona.NONE);
    }

    public boolean catchAll() {
        return when.isEmpty();
    }
}
