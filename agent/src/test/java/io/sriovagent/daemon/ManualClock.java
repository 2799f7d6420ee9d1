package io.sriovagent.daemon;

import java.util.function.LongSupplier;

/** A monotonic clock the test moves by hand. */
final class ManualClock implements LongSupplier {

    private volatile long nanos;

    ManualClock advanceSeconds(long seconds) {
        nanos += seconds * 1_000_000_000L;
        return this;
    }

    long seconds() {
        return nanos / 1_000_000_000L;
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
