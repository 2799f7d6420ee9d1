package io.sriovagent.check;

import java.util.List;

/**
 * The host's health: Unhealthy when at least one critical check fails.
 *
 * @param healthy  the verdict
 * @param reasons  one {@code "<id>:<subject>"} (or {@code "<id>"} for host-wide checks) per failing critical check
 */
public record Verdict(boolean healthy, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict of(List<CheckResult> checks) {
        List<String> reasons = checks.stream().filter(CheckResult::decidesUnhealthy).map(CheckResult::key).toList();
        return new Verdict(reasons.isEmpty(), reasons);
    }

    /** {@code Healthy} or {@code Unhealthy}, exactly as the Application Health extension expects them. */
    public String applicationHealthState() {
        return healthy ? "Healthy" : "Unhealthy";
    }
}
