package io.sriovagent.check;

import java.util.Locale;

/** The outcome of one check on one subject. */
public enum CheckStatus {
    /** The check holds. */
    PASS,
    /** A critical check does not hold: the verdict is Unhealthy. */
    FAIL,
    /** A warning-severity check does not hold: reported, never decides the verdict. */
    WARN,
    /** Not applicable here, or not judgeable now (no VF expected, idle window, unknown distro...). */
    SKIP,
    /** Needs a traffic window or history that has not completed yet; never makes the verdict Unhealthy. */
    PENDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@code sriov_check_status}: 1 for pass/skip/pending, 0 for fail/warn. */
    public int metricValue() {
        return this == FAIL || this == WARN ? 0 : 1;
    }
}
