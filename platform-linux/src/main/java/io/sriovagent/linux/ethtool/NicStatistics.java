package io.sriovagent.linux.ethtool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One reading of an interface's driver statistics.
 *
 * @param outcome whether values were read
 * @param values  statistic name to value, in the driver's order (empty unless {@link Outcome#READ})
 * @param detail  why nothing was read, or what was skipped while parsing; null when there is nothing to say
 */
public record NicStatistics(Outcome outcome, Map<String, Long> values, String detail) {

    public enum Outcome {
        /** Values were read. */
        READ,
        /** The driver has no statistics ("no stats available", EOPNOTSUPP): not applicable, not a failure. */
        NOT_SUPPORTED,
        /** The read failed (interface gone, command absent/hung/garbled, ioctl error). */
        FAILED
    }

    public NicStatistics {
        Objects.requireNonNull(outcome, "outcome");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static NicStatistics read(Map<String, Long> values) {
        return new NicStatistics(Outcome.READ, values, null);
    }

    public static NicStatistics notSupported(String detail) {
        return new NicStatistics(Outcome.NOT_SUPPORTED, Map.of(), detail);
    }

    public static NicStatistics failed(String detail) {
        return new NicStatistics(Outcome.FAILED, Map.of(), detail);
    }

    public OptionalLong value(String name) {
        Long value = values.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
