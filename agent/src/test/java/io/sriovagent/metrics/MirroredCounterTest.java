package io.sriovagent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MirroredCounterTest {

    @Test
    void startsAtTheHostValueAndAddsIncreases() {
        MirroredCounter counter = new MirroredCounter();
        counter.observe(1000);
        counter.observe(1500);
        counter.observe(1500);

        assertEquals(1500, counter.total());
    }

    @Test
    void aResetAddsTheNewReadingSoTheSeriesNeverGoesDown() {
        MirroredCounter counter = new MirroredCounter();
        counter.observe(1000);
        counter.observe(40);   // VF re-added: counted 40 since the reset
        counter.observe(100);

        assertEquals(1100, counter.total());
    }
}
