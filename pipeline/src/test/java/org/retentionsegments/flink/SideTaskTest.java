package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Work beside the main thread: its result, its failure as itself, and a stop that interrupts it. */
class SideTaskTest {

    @Test
    void joinReturnsTheResultComputedOnAnotherThread() throws Exception {
        Thread caller = Thread.currentThread();
        SideTask<Thread> side = SideTask.start("side", Thread::currentThread);
        Thread ran = side.join();
        assertNotEquals(caller, ran);
        assertEquals("side", ran.getName());
        assertTrue(ran.isDaemon());
        assertTrue(side.isDone());
    }

    @Test
    void joinThrowsWhatTheWorkThrewAsItself() {
        UncheckedIOException thrown = new UncheckedIOException(new java.io.IOException("the disk is full"));
        SideTask<Long> side = SideTask.start("side", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(UncheckedIOException.class, side::join));
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");
        SideTask<Long> failing = SideTask.start("side", () -> {
            throw error;
        });
        assertSame(error, assertThrows(OutOfMemoryError.class, failing::join));
    }

    @Test
    void stopInterruptsWorkThatStillRunsAndWaitsForItsEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        SideTask<Long> side = SideTask.start("side", () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return 1L;
        });
        started.await();
        long t0 = System.nanoTime();
        side.stop();
        assertTrue(interrupted.get(), "the work saw the interrupt");
        assertTrue(side.isDone());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "stop did not wait out the sleep");
        side.stop(); // a second stop of ended work returns at once
    }
}
