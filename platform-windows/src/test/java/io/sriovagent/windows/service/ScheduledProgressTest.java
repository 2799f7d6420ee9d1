package io.sriovagent.windows.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScheduledProgressTest {

    @Test
    void ticksUntilTheLimitThenStops() throws Exception {
        try (ScheduledProgress progress = new ScheduledProgress(Duration.ofMillis(5), Duration.ofMillis(15))) {
            AtomicInteger ticks = new AtomicInteger();
            CountDownLatch third = new CountDownLatch(3);
            progress.every(() -> {
                ticks.incrementAndGet();
                third.countDown();
            });

            assertTrue(third.await(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertEquals(3, ticks.get(), "15 ms of 5 ms ticks, then silence");
        }
    }

    @Test
    void closingTheHandleStopsTheTicks() throws Exception {
        try (ScheduledProgress progress = new ScheduledProgress(Duration.ofMillis(5), Duration.ofMinutes(1))) {
            AtomicInteger ticks = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            PendingProgress.Ticking ticking = progress.every(() -> {
                ticks.incrementAndGet();
                first.countDown();
            });
            assertTrue(first.await(10, TimeUnit.SECONDS));

            ticking.close();
            Thread.sleep(20);
            int afterClose = ticks.get();
            Thread.sleep(100);

            assertEquals(afterClose, ticks.get());
        }
    }
}
