package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link FinishedJobs#release()}: a graph that only an object waiting for its finalizer
 * holds (as a finished task's processing time service holds the task and its keyed state) is
 * freed before the run goes on. One collection alone keeps it: the finalizable object and all it
 * reaches survive that collection, and nothing else collects before the next allocation failure.
 */
class FinishedJobsTest {

    private static final AtomicInteger FINALIZED = new AtomicInteger();

    /** Holds its payload until finalized. */
    private static final class Finalizable {
        @SuppressWarnings("unused")
        private final Object payload;

        Finalizable(Object payload) {
            this.payload = payload;
        }

        @SuppressWarnings({"deprecation", "removal"})
        @Override
        protected void finalize() {
            FINALIZED.incrementAndGet(); // not empty: the JVM ignores an empty finalizer
        }
    }

    @Test
    void freesWhatOnlyAFinalizableObjectHeld() throws InterruptedException {
        ReferenceQueue<Object> freed = new ReferenceQueue<>();
        int before = FINALIZED.get();
        PhantomReference<Object> payload = heldOnlyByAFinalizableObject(freed);

        FinishedJobs.release();

        assertTrue(FINALIZED.get() > before, "the holder's finalizer ran");
        assertSame(payload, freed.remove(5_000), "the payload was collected");
    }

    private static PhantomReference<Object> heldOnlyByAFinalizableObject(ReferenceQueue<Object> queue) {
        byte[] payload = new byte[4 << 20];
        new Finalizable(payload);
        return new PhantomReference<>(payload, queue);
    }
}
