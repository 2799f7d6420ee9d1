package io.sriovagent.metrics;

/**
 * A Prometheus counter that mirrors a host counter which can reset (driver reload, VF re-added): it adds each
 * increase, and after a decrease it adds the new reading, as Prometheus' own {@code rate()} treats a reset. The first
 * reading is taken as is, so the series starts at the host's value and never goes down.
 *
 * <p>Written by the probe thread, read by the registry when rendering: the total is volatile.
 */
final class MirroredCounter {

    private boolean seen;
    private long last;
    private volatile double total;

    void observe(long reading) {
        if (!seen) {
            total = reading;
            seen = true;
        } else if (reading >= last) {
            total += reading - last;
        } else {
            total += reading;
        }
        last = reading;
    }

    double total() {
        return total;
    }
}
