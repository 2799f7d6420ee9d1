package io.sriovagent.daemon;

import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.metrics.SriovMetrics;
import io.sriovagent.probe.PlatformProbe;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One probe, start to publishable state: probe the host, evaluate against the previous probe, apply the health
 * policy, feed the metrics, log what changed, render. Confined to the probe thread.
 */
final class ProbeCycle {

    private final PlatformProbe probe;
    private final Evaluator evaluator;
    private final HealthPolicy policy;
    private final SriovMetrics metrics;
    private final TransitionLog log = new TransitionLog();
    private final LongSupplier monotonicNanos;
    private HostSnapshot previous;

    ProbeCycle(PlatformProbe probe, Evaluator evaluator, HealthPolicy policy, SriovMetrics metrics,
               LongSupplier monotonicNanos) {
        this.probe = probe;
        this.evaluator = evaluator;
        this.policy = policy;
        this.metrics = metrics;
        this.monotonicNanos = monotonicNanos;
    }

    PublishedState run() {
        long start = System.nanoTime();
        HostSnapshot current = probe.probe();
        long took = System.nanoTime() - start;
        Evaluation raw = evaluator.evaluate(previous, current, policy.nicsThatHadVf());
        List<VfChange> changes = VfChange.between(previous, current);
        HealthPolicy.Outcome outcome = policy.apply(raw, changes);
        metrics.update(outcome.published(),
                changes.stream().filter(VfChange::isRemoval).map(VfChange::nic).toList(), Duration.ofNanos(took));
        log.record(outcome, changes, monotonicNanos.getAsLong(), took);
        previous = current;
        return PublishedState.render(outcome.published(), metrics);
    }
}
