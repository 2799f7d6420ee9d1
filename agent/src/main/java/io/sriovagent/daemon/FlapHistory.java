package io.sriovagent.daemon;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * When each synthetic NIC lost its VF during the last hour, for {@code vf_flapping}.
 *
 * <p>Bounded: entries older than the window are dropped, and per NIC only the most recent {@code limit + 1} removals
 * are kept (at most {@link #MAX_KEPT}) — enough to tell whether the limit was exceeded, whatever the removal rate.
 */
final class FlapHistory {

    static final long WINDOW_NANOS = 3_600_000_000_000L;
    /** Memory bound per NIC for very large limits. */
    static final int MAX_KEPT = 10_000;

    private final int kept;
    private final Map<String, ArrayDeque<Long>> removals = new HashMap<>();

    FlapHistory(int limit) {
        this.kept = (int) Math.min((long) limit + 1, MAX_KEPT);
    }

    void recordRemoval(String nic, long nowNanos) {
        ArrayDeque<Long> times = removals.computeIfAbsent(nic, key -> new ArrayDeque<>());
        times.addLast(nowNanos);
        while (times.size() > kept) {
            times.removeFirst();
        }
    }

    /** Forgets removals that left the one-hour window. */
    void expire(long nowNanos) {
        removals.values().forEach(times -> {
            while (!times.isEmpty() && nowNanos - times.peekFirst() >= WINDOW_NANOS) {
                times.removeFirst();
            }
        });
        removals.values().removeIf(ArrayDeque::isEmpty);
    }

    /** Removals within the window (capped at {@code limit + 1}); call {@link #expire} first. */
    int count(String nic) {
        ArrayDeque<Long> times = removals.get(nic);
        return times == null ? 0 : times.size();
    }

    /** How many timestamps are held in all, for memory-bound tests. */
    int size() {
        return removals.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
