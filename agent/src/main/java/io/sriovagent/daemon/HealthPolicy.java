package io.sriovagent.daemon;

import io.sriovagent.check.CheckId;
import io.sriovagent.check.CheckResult;
import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.check.CheckStatus;
import io.sriovagent.check.Evaluation;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.SyntheticNic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Keeps the daemon's verdict honest over time, on top of the evaluator's one-shot results.
 *
 * <ul>
 *   <li>Grace: a critical failure of a check whose failures can be transient ({@code vf_present}, {@code vf_link},
 *       {@code datapath}: host servicing withdraws the VF for a while several times a year) is published as
 *       {@code pending} until it has lasted longer than {@code --grace}, then as {@code fail}. A pass ends it at
 *       once. A result that is not judged this probe ({@code skip}/{@code pending}, e.g. an idle traffic window) does
 *       not end it, so a datapath that fails on every busy window is not forgiven by the quiet ones in between;
 *       a failure that probes have not seen again for longer than the grace is forgotten. Time without probes (a
 *       hung probe) does not end it either.</li>
 *   <li>Other critical failures ({@code vf_driver_bound}) are published as soon as a second probe in a row confirms
 *       them: a VF being hot-added or withdrawn passes for a moment through "PCI function present, no driver bound",
 *       and one probe landing in that moment must not replace the VM.</li>
 *   <li>{@code vf_flapping}: per synthetic NIC, the VF removals of the last hour against {@code --flap-limit}.</li>
 *   <li>The NICs seen with a VF since start, which {@code --expect-vf auto} requires to keep one.</li>
 * </ul>
 *
 * <p>Pure state machine over an injected monotonic clock; called from one thread (the probe thread).
 */
public final class HealthPolicy {

    /**
     * @param published the evaluation to publish; its verdict is the daemon's
     * @param tolerated keys ({@link CheckResult#key()}) of critical failures currently held back by the grace
     */
    public record Outcome(Evaluation published, Set<String> tolerated) {
        public Outcome {
            tolerated = Set.copyOf(tolerated);
        }
    }

    /** A transient failure being tolerated: since when, and when a probe last saw it. */
    private static final class Incident {
        final long since;
        long lastFailed;
        /** A probe after the last failure did not see it (not judged, or the subject gone). */
        boolean quiet;

        Incident(long since) {
            this.since = since;
            this.lastFailed = since;
        }

        /** Quiet for longer than the grace: a later failure is a new incident, not the continuation of this one. */
        boolean over(long now, long graceNanos) {
            return quiet && now - lastFailed > graceNanos;
        }
    }

    private final long graceNanos;
    private final int flapLimit;
    private final LongSupplier monotonicNanos;
    private final Set<String> nicsThatHadVf = new TreeSet<>();
    private final Map<String, Incident> incidents = new HashMap<>();
    /**
     * Non-transient critical failures seen on the previous probe, with when they were first seen: a later probe
     * confirms one once it has lasted {@link #CONFIRMATION_NANOS}.
     */
    private Map<String, Long> unconfirmed = Map.of();
    /** Longer than a VF hot-add or withdrawal takes to pass its "no driver yet" moment, whatever the interval. */
    static final long CONFIRMATION_NANOS = Duration.ofSeconds(10).toNanos();
    private final FlapHistory flaps;
    private long startedAt;
    private boolean started;

    public HealthPolicy(Duration grace, int flapLimit, LongSupplier monotonicNanos) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        if (flapLimit < 1) {
            throw new IllegalArgumentException("flap limit must be at least 1");
        }
        this.graceNanos = grace.toNanos();
        this.flapLimit = flapLimit;
        this.monotonicNanos = Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        this.flaps = new FlapHistory(flapLimit);
    }

    /** The synthetic NICs seen with a VF since the first probe, for {@link io.sriovagent.check.Evaluator}. */
    public Set<String> nicsThatHadVf() {
        return Set.copyOf(nicsThatHadVf);
    }

    /**
     * @param raw     the evaluator's results on the latest probe (evaluated with {@link #nicsThatHadVf()})
     * @param changes the VF changes between the previous probe and this one
     */
    public Outcome apply(Evaluation raw, List<VfChange> changes) {
        long now = monotonicNanos.getAsLong();
        boolean first = !started;
        if (first) {
            started = true;
            startedAt = now;
        }
        HostSnapshot host = raw.snapshot();
        host.nics().stream().filter(SyntheticNic::hasVf).forEach(nic -> nicsThatHadVf.add(nic.name()));
        changes.stream().filter(VfChange::isRemoval).forEach(change -> flaps.recordRemoval(change.nic(), now));
        flaps.expire(now);

        List<CheckResult> published = new ArrayList<>(raw.checks().size() + host.nics().size());
        Set<String> tolerated = new TreeSet<>();
        Set<String> failingNow = new HashSet<>();
        raw.checks().stream().filter(CheckResult::decidesUnhealthy).forEach(result -> failingNow.add(result.key()));
        Map<String, Long> seenNow = new HashMap<>();
        for (CheckResult result : raw.checks()) {
            published.add(result.id().transientFailure() ? withGrace(result, now, tolerated)
                    : confirmed(result, now, seenNow, tolerated));
        }
        unconfirmed = seenNow;
        incidents.forEach((key, incident) -> incident.quiet |= incident.lastFailed != now || !failingNow.contains(key));
        incidents.values().removeIf(incident -> incident.over(now, graceNanos));
        for (SyntheticNic nic : host.nics()) {
            published.add(flapping(nic.name(), now, first));
        }
        return new Outcome(raw.withChecks(published), tolerated);
    }

    /** Timestamps held for flap counting, for memory-bound tests. */
    int rememberedRemovals() {
        return flaps.size();
    }

    /** Open grace incidents, for memory-bound tests. */
    int openIncidents() {
        return incidents.size();
    }

    private CheckResult confirmed(CheckResult result, long now, Map<String, Long> seenNow, Set<String> tolerated) {
        if (!result.decidesUnhealthy()) {
            return result;
        }
        long since = unconfirmed.getOrDefault(result.key(), now);
        seenNow.put(result.key(), since);
        if (since != now && now - since >= CONFIRMATION_NANOS) {
            return result;
        }
        tolerated.add(result.key());
        return result.withStatus(CheckStatus.PENDING, "seen for " + seconds(now - since) + ", fails once a later"
                + " probe still sees it " + seconds(CONFIRMATION_NANOS) + " after the first (a VF being added or"
                + " withdrawn passes through this state for a moment): " + result.message());
    }

    private CheckResult withGrace(CheckResult result, long now, Set<String> tolerated) {
        String key = result.key();
        if (result.status() == CheckStatus.PASS) {
            incidents.remove(key);
            return result;
        }
        if (!result.decidesUnhealthy() || graceNanos == 0) {
            return result;
        }
        Incident incident = incidents.get(key);
        if (incident == null || incident.over(now, graceNanos)) {
            incident = new Incident(now);
            incidents.put(key, incident);
        }
        incident.lastFailed = now;
        incident.quiet = false;
        long lasted = now - incident.since;
        if (lasted > graceNanos) {
            return result.withStatus(CheckStatus.FAIL, result.message() + " (failing for " + seconds(lasted)
                    + ", longer than the " + seconds(graceNanos) + " grace)");
        }
        tolerated.add(key);
        return result.withStatus(CheckStatus.PENDING, "for " + seconds(lasted) + ", within the "
                + seconds(graceNanos) + " grace: " + result.message());
    }

    private CheckResult flapping(String nic, long now, boolean first) {
        CheckId id = CheckId.VF_FLAPPING;
        if (first) {
            return CheckResult.pending(id, Scope.INTERFACE, nic,
                    "VF removals are counted from the second probe on (limit " + flapLimit + " per hour)");
        }
        int count = flaps.count(nic);
        if (count == 0 && !nicsThatHadVf.contains(nic)) {
            return CheckResult.skip(id, Scope.INTERFACE, nic, "no VF seen on " + nic + " since the agent started");
        }
        if (count > flapLimit) {
            return CheckResult.failed(id, Scope.INTERFACE, nic, "at least " + count + " VF removals on " + nic
                    + " in the last hour (limit " + flapLimit + "): the VF keeps being withdrawn, a sign of a failing"
                    + " host node");
        }
        long observed = now - startedAt;
        String span = observed >= FlapHistory.WINDOW_NANOS ? "in the last hour"
                : "in the " + minutes(observed) + " since the agent started";
        return CheckResult.pass(id, Scope.INTERFACE, nic,
                count + " VF removal" + (count == 1 ? "" : "s") + " on " + nic + " " + span + " (limit " + flapLimit
                        + " per hour)");
    }

    private static String seconds(long nanos) {
        return (nanos / 1_000_000_000L) + " s";
    }

    private static String minutes(long nanos) {
        long minutes = nanos / 60_000_000_000L;
        return minutes == 0 ? seconds(nanos) : minutes + " min";
    }
}
