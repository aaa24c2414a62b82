package org.retentionsegments.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code persona:} mapping of segments.yaml (seed 001 §5 template fields). */
class PersonaConfigTest {

    private static SegmentRules parse(String yaml) {
        return SegmentRules.parse(YamlNode.parse("segments.yaml", yaml));
    }

    @Test
    void everyFieldIsReadAndAbsentFieldsAreEmpty() {
        SegmentRules rules = parse("""
                segments:
                  - name: Fans
                    engagement_rank: 2
                    description: d
                    persona:
                      goals: [Early access, Recognition]
                      pain_points:
                        - "Sold-out launches: again"
                      channels: email, app
                      tone: warm
                    when: { r: 5 }
                  - name: Rest
                    engagement_rank: 0
                    description: everyone else
                    persona:
                      goals: A single goal
                """);
        Persona fans = rules.get(0).persona();
        assertEquals(List.of("Early access", "Recognition"), fans.goals());
        assertEquals(List.of("Sold-out launches: again"), fans.painPoints());
        assertEquals("email, app", fans.channels());
        assertEquals("warm", fans.tone());
        assertEquals("", fans.content());
        assertEquals("", fans.objections());
        assertFalse(fans.isEmpty());
        assertEquals(List.of("A single goal"), rules.get(1).persona().goals());
    }

    @Test
    void aSegmentWithoutPersonaHasNone() {
        SegmentRules rules = parse("""
                segments:
                  - name: Rest
                    engagement_rank: 0
                    description: everyone else
                """);
        assertSame(Persona.NONE, rules.get(0).persona());
        assertTrue(rules.get(0).persona().isEmpty());
    }

    @Test
    void everyShippedSegmentHasACompletePersona() {
        for (String file : List.of(SegmentRules.FILE, "clusters/" + SegmentRules.FILE)) {
            SegmentRules rules = parse(ConfigBundle.classpath(file));
            for (SegmentDefinition s : rules.segments()) {
                Persona p = s.persona();
                String where = file + ": " + s.name();
                assertFalse(p.goals().isEmpty(), where);
                assertFalse(p.painPoints().isEmpty(), where);
                for (String text : List.of(p.channels(), p.content(), p.decision(), p.triggers(), p.valueProp(),
                        p.tone(), p.objections())) {
                    assertFalse(text.isBlank(), where + ": " + p);
                }
            }
        }
        Persona champions = parse(ConfigBundle.classpath(SegmentRules.FILE)).segments().stream()
                .filter(s -> s.name().equals("Champions")).findFirst().orElseThrow().persona();
        assertEquals("Be first to get new launches and limited editions", champions.goals().get(0));
    }
}
