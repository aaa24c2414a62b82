package org.retentionsegments.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retentionsegments.core.fixtures.FactsBuilder.DAY0;
import static org.retentionsegments.core.fixtures.FactsBuilder.customer;

import org.junit.jupiter.api.Test;
import org.retentionsegments.core.CustomerFacts;
import org.retentionsegments.core.EngagementType;
import org.retentionsegments.core.Flag;
import org.retentionsegments.core.LifecycleStage;
import org.retentionsegments.core.config.ConfigBundle;
import org.retentionsegments.core.config.FlagThresholds;
import org.retentionsegments.core.config.LifecycleThresholds;
import org.retentionsegments.core.fixtures.FactsBuilder;

/** Default thresholds: new within 1 cycle, active 2, lapsing 4; a 30-day cycle. */
class ClassifierTest {

    private static final double CYCLE = 30;
    private static final ConfigBundle CONFIG = ConfigBundle.loadDefault();
    private static final LifecycleThresholds STAGES = CONFIG.pipeline().lifecycle();
    private static final FlagThresholds FLAGS = CONFIG.pipeline().flags();

    private static LifecycleStage stage(FactsBuilder facts) {
        return Classifier.lifecycle(facts.build(), DAY0, CYCLE, STAGES);
    }

    private static int flags(FactsBuilder facts) {
        return Classifier.flags(facts.build(), DAY0, FLAGS);
    }

    @Test
    void lifecycleStages() {
        assertEquals(LifecycleStage.PROSPECT, stage(customer("p")
                .engagement(EngagementType.SITE_VISIT, 1, 1, -3)));
        assertEquals(LifecycleStage.NEW, stage(customer("n").ordered(-20, -5)));
        assertEquals(LifecycleStage.NEW, stage(customer("n30").ordered(-30, -30)));
        assertEquals(LifecycleStage.ACTIVE, stage(customer("a31").ordered(-31, -31)));
        assertEquals(LifecycleStage.ACTIVE, stage(customer("a").ordered(-200, -60)));
        assertEquals(LifecycleStage.LAPSING, stage(customer("l").ordered(-200, -61)));
        assertEquals(LifecycleStage.LAPSING, stage(customer("l120").ordered(-400, -120)));
        assertEquals(LifecycleStage.LAPSED, stage(customer("x").ordered(-400, -121)));
    }

    @Test
    void reactivatedNeedsALapsedLengthGapAndARecentOrder() {
        assertEquals(LifecycleStage.REACTIVATED,
                stage(customer("r").ordered(-400, -10).previousOrder(-300)));
        assertEquals(LifecycleStage.ACTIVE, // gap 120 days is not longer than 4 cycles
                stage(customer("g").ordered(-400, -10).previousOrder(-130)));
        assertEquals(LifecycleStage.LAPSING, // came back once, long ago: no longer recent
                stage(customer("o").ordered(-600, -90).previousOrder(-400)));
    }

    @Test
    void lifecycleScalesWithThePurchaseCycle() {
        CustomerFacts facts = customer("c").ordered(-400, -100).build();
        assertEquals(LifecycleStage.LAPSING, Classifier.lifecycle(facts, DAY0, 30, STAGES));
        assertEquals(LifecycleStage.ACTIVE, Classifier.lifecycle(facts, DAY0, 60, STAGES));
        assertEquals(LifecycleStage.LAPSED, Classifier.lifecycle(facts, DAY0, 20, STAGES));
    }

    @Test
    void highReturnRateIsReturnsShareOfGross() {
        assertEquals(Flag.HIGH_RETURN_RATE.bit(),
                flags(customer("h").ordered(-9, -5).grossAndReturns(100, 30)));
        assertEquals(0, flags(customer("h").ordered(-9, -5).grossAndReturns(100, 29)));
        assertEquals(0, flags(customer("h").ordered(-9, -5).grossAndReturns(0, 0)));
    }

    @Test
    void singleChannelNeedsEnoughOrdersAndShare() {
        assertEquals(Flag.SINGLE_CHANNEL.bit(),
                flags(customer("s").ordered(-9, -5).channel("web", 1.0, 3)));
        assertEquals(0, flags(customer("s").ordered(-9, -5).channel("web", 1.0, 2)));
        assertEquals(0, flags(customer("s").ordered(-9, -5).channel("web", 0.8, 10)));
    }

    @Test
    void discountDependentNeedsEnoughOrdersAndShare() {
        assertEquals(Flag.DISCOUNT_DEPENDENT.bit(), flags(customer("d").ordered(-90, -5)
                .lifetimeOrders(3).discountShare(0.6)));
        assertEquals(0, flags(customer("d").ordered(-90, -5).lifetimeOrders(2).discountShare(1)));
        assertEquals(0, flags(customer("d").ordered(-90, -5).lifetimeOrders(9).discountShare(0.5)));
    }

    @Test
    void emailUnengagedNeedsEngagementDataAndTenureOrAnUnsubscribe() {
        int unengaged = Flag.EMAIL_UNENGAGED.bit();
        assertEquals(unengaged, flags(customer("u").unsubscribed()));
        assertEquals(0, flags(customer("none").ordered(-200, -5)), "no engagement data at all");
        assertEquals(unengaged, flags(customer("quiet").ordered(-200, -5)
                .engagement(EngagementType.SITE_VISIT, 2, 5, -1)));
        assertEquals(0, flags(customer("reader").ordered(-200, -5)
                .engagement(EngagementType.SITE_VISIT, 2, 5, -1)
                .engagement(EngagementType.EMAIL_OPEN, 0, 1, -40)));
        assertEquals(0, flags(customer("young").ordered(-30, -5)
                .engagement(EngagementType.SITE_VISIT, 2, 5, -1)), "known < 90 days");
    }

    @Test
    void flagsCombineAsABitMask() {
        int mask = flags(customer("all").ordered(-200, -5).grossAndReturns(100, 50)
                .channel("store", 1.0, 5).lifetimeOrders(5).discountShare(1).unsubscribed());
        assertEquals(Flag.MASKS - 1, mask);
        for (Flag flag : Flag.values()) {
            assertEquals(true, flag.in(mask));
        }
    }
}
