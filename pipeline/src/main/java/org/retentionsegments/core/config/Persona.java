package org.retentionsegments.core.config;

import java.util.List;

/**
 * The marketer's persona of a segment (seed 001 §5 template), the {@code persona:} mapping of a
 * rule in {@code segments.yaml}; the report puts it beside the behaviour measured in the
 * warehouse (view segment_persona). Every field is optional; an absent one is empty.
 *
 * @param goals what the customer wants, primary first
 * @param painPoints what stands in their way, primary first
 * @param channels where they can be reached
 * @param content what they read or respond to
 * @param decision how they decide to buy
 * @param triggers what makes them buy now
 * @param valueProp the value proposition to put to them
 * @param tone the tone of voice
 * @param objections the objections to expect, and the answer
 */
public record Persona(
        List<String> goals,
        List<String> painPoints,
        String channels,
        String content,
        String decision,
        String triggers,
        String valueProp,
        String tone,
        String objections) {

    /** A segment without a persona. */
    public static final Persona NONE = new Persona(List.of(), List.of(), "", "", "", "", "", "", "");

    /** The keys of the {@code persona:} mapping, in the template's order. */
    static final String[] KEYS = {"goals", "pain_points", "channels", "content", "decision", "triggers",
        "value_prop", "tone", "objections"};

    public Persona {
        goals = List.copyOf(goals);
        painPoints = List.copyOf(painPoints);
    }

    /** Whether nothing is written. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Parses the {@code persona:} mapping of a rule; an absent mapping is {@link #NONE}. */
    static Persona parse(YamlNode rule) {
        if (!rule.has("persona")) {
            return NONE;
        }
        YamlNode p = rule.child("persona");
        p.allowOnly(KEYS);
        return new Persona(p.strings("goals"), p.strings("pain_points"), p.string("channels", ""),
                p.string("content", ""), p.string("decision", ""), p.string("triggers", ""),
                p.string("value_prop", ""), p.string("tone", ""), p.string("objections", ""));
    }
}
