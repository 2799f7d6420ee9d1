package io.sriovagent.check;

import io.sriovagent.host.HostSnapshot;
import java.util.List;
import java.util.Map;

/**
 * The checks' results on one snapshot, with the traffic windows they were judged on.
 *
 * @param snapshot the probe that was judged
 * @param checks   results ordered by check id, host-wide first, then by subject
 * @param traffic  per synthetic NIC, its traffic window (absent until a window has completed)
 */
public record Evaluation(HostSnapshot snapshot, List<CheckResult> checks, Map<String, TrafficWindow> traffic) {

    public Evaluation {
        checks = List.copyOf(checks);
        traffic = Map.copyOf(traffic);
    }

    public Verdict verdict() {
        return Verdict.of(checks);
    }

    public Evaluation withChecks(List<CheckResult> replaced) {
        return new Evaluation(snapshot, replaced, traffic);
    }
}
