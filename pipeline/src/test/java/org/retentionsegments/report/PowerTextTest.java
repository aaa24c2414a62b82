package org.retentionsegments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retentionsegments.report.PowerText.PowerRow;

class PowerTextTest {

    static final PowerRow SMALL = new PowerRow("always_on", "Champions", 3_753, 407, 0.098, 0.069, 0.05, true, 0.216);
    static final PowerRow TINY = new PowerRow("always_on", "Reactivated", 2_427, 277, 0.102, 0.088, 0.05, true, null);
    static final PowerRow FINE = new PowerRow("always_on", "ALL", 16_784, 1_903, 0.102, 0.034, 0.05, false, 0.044);
    static final PowerRow UNKNOWN = new PowerRow("p", "Lost", 5, 0, 0.0, null, 0.05, null, null);

    @Test
    void saysWhatTheHoldoutSeesAndWhatWouldFixIt() {
        assertEquals("always_on, Champions: sees lifts of 6.9 points or more, not its target of 5.0; it needs a"
                + " holdout of 22\u00A0% (now 10\u00A0%).", PowerText.sentence(SMALL));
        assertEquals("always_on, Reactivated: sees lifts of 8.8 points or more, not its target of 5.0; no holdout"
                + " share can show the target with 2,704 customers: let it run longer or pool segments.",
                PowerText.sentence(TINY));
    }

    @Test
    void listsOnlyTheUnderpoweredRows() {
        List<String> sentences = PowerText.sentences(List.of(FINE, TINY, UNKNOWN, SMALL), Comparator.naturalOrder());
        assertEquals(2, sentences.size(), sentences::toString);
        assertTrue(sentences.get(0).startsWith("always_on, Champions"), sentences::toString);
        assertEquals("", PowerText.render(List.of(FINE, UNKNOWN), Comparator.naturalOrder()));
        String text = PowerText.render(List.of(SMALL), Comparator.naturalOrder());
        assertTrue(text.startsWith("\n1 holdout is too small to see the lift its strategy targets"), text);
    }
}
