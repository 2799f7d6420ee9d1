package io.sriovagent.daemon;

import io.sriovagent.check.CheckId;
import io.sriovagent.check.CheckResult;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.HostSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Drives the evaluator and the health policy probe by probe, as the daemon's probe cycle does, on a manual clock. */
final class PolicyHarness {

    final ManualClock clock = new ManualClock();
    final HealthPolicy policy;
    private final Evaluator evaluator = new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS);
    private HostSnapshot previous;
    HealthPolicy.Outcome last;

    PolicyHarness(Duration grace, int flapLimit) {
        policy = new HealthPolicy(grace, flapLimit, clock);
    }

    /** Probes the host as it is at the clock's current time. */
    HealthPolicy.Outcome probe(TestHosts host) {
        HostSnapshot current = host.at(clock.seconds());
        Evaluation raw = evaluator.evaluate(previous, current, policy.nicsThatHadVf());
        List<VfChange> changes = VfChange.between(previous, current);
        previous = current;
        last = policy.apply(raw, changes);
        return last;
    }

    /** Advances the clock, then probes. */
    HealthPolicy.Outcome probeAfter(long seconds, TestHosts host) {
        clock.advanceSeconds(seconds);
        return probe(host);
    }

    CheckResult result(CheckId id, String subject) {
        return last.published().checks().stream()
                .filter(check -> check.id() == id && Objects.equals(check.subject(), subject))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " result for " + subject + " in "
                        + last.published().checks()));
    }

    boolean healthy() {
        return last.published().verdict().healthy();
    }
}
