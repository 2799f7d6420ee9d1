package io.sriovagent.daemon;

import io.sriovagent.check.CheckResult;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Verdict;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One log line per change of state, with its evidence; nothing is repeated on every probe. Lines: the first
 * verdict, a VF removed/added/replaced, a check entering or leaving a problem state (tolerated by the grace, failing,
 * warning), the verdict changing, a read error appearing and clearing.
 *
 * <p>A check that is not judged on a probe (skipped, or pending for a window) keeps its last logged state, so an idle
 * traffic window between two failing ones does not log a recovery. State is bounded by what the last probe saw.
 */
final class TransitionLog {

    private static final Logger LOG = Logger.getLogger(TransitionLog.class.getName());

    private enum Judged { OK, TOLERATED, FAILING, WARNING }

    private final Map<String, Judged> lastJudged = new HashMap<>();
    private final Set<ReadErrorKey> reportedErrors = new HashSet<>();
    private final Map<String, Long> vfAwaySince = new HashMap<>();
    private Verdict lastVerdict;

    private record ReadErrorKey(String source, String subject) {
    }

    void record(HealthPolicy.Outcome outcome, List<VfChange> changes, long nowNanos, long probeNanos) {
        Evaluation published = outcome.published();
        Verdict verdict = published.verdict();
        if (lastVerdict == null) {
            LOG.info("first probe (" + (probeNanos / 1_000_000) + " ms): " + verdict.applicationHealthState()
                    + reasons(verdict) + "; " + pairings(published.snapshot()));
        }
        for (VfChange change : changes) {
            vfChange(change, nowNanos);
        }
        readErrors(published.snapshot());
        checks(outcome);
        if (lastVerdict != null && lastVerdict.healthy() != verdict.healthy()) {
            LOG.log(verdict.healthy() ? Level.INFO : Level.WARNING, "verdict " + verdict.applicationHealthState()
                    + " (was " + lastVerdict.applicationHealthState() + reasons(lastVerdict) + ")" + reasons(verdict));
        }
        lastVerdict = verdict;
    }

    private void vfChange(VfChange change, long nowNanos) {
        String nic = change.nic();
        switch (change.kind()) {
            case REMOVED -> {
                vfAwaySince.put(nic, nowNanos);
                LOG.warning(nic + ": VF " + describe(change.before()) + " removed; traffic continues on the"
                        + " synthetic path");
            }
            case ADDED -> {
                Long since = vfAwaySince.remove(nic);
                LOG.info(nic + ": VF " + describe(change.after()) + " added"
                        + (since == null ? "" : " after " + (nowNanos - since) / 1_000_000_000L + " s without a VF"));
            }
            case REPLACED -> {
                vfAwaySince.remove(nic);
                LOG.warning(nic + ": VF changed from " + describe(change.before()) + " to "
                        + describe(change.after()));
            }
        }
    }

    private void readErrors(HostSnapshot host) {
        Set<ReadErrorKey> current = new HashSet<>();
        for (ReadError error : host.readErrors()) {
            ReadErrorKey key = new ReadErrorKey(error.source(), error.subject());
            current.add(key);
            if (reportedErrors.add(key)) {
                LOG.warning("cannot read " + error);
            }
        }
        reportedErrors.removeIf(key -> {
            if (current.contains(key)) {
                return false;
            }
            LOG.info("readable again: " + key.source() + ": " + key.subject());
            return true;
        });
    }

    private void checks(HealthPolicy.Outcome outcome) {
        Set<String> present = new HashSet<>();
        for (CheckResult result : outcome.published().checks()) {
            String key = result.key();
            present.add(key);
            Judged now = judge(result, outcome.tolerated());
            if (now == null) {
                continue;
            }
            Judged before = lastJudged.put(key, now);
            if (now == before || (before == null && now == Judged.OK)) {
                continue;
            }
            switch (now) {
                case OK -> LOG.info(key + " passes again: " + result.message());
                case TOLERATED -> LOG.warning(key + " failing, tolerated: " + result.message());
                case FAILING -> LOG.warning(key + " fails: " + result.message());
                case WARNING -> LOG.warning(key + " warns: " + result.message());
            }
        }
        lastJudged.keySet().retainAll(present);
    }

    private static Judged judge(CheckResult result, Set<String> tolerated) {
        return switch (result.status()) {
            case PASS -> Judged.OK;
            case FAIL -> Judged.FAILING;
            case WARN -> Judged.WARNING;
            case PENDING -> tolerated.contains(result.key()) ? Judged.TOLERATED : null;
            case SKIP -> null;
        };
    }

    private static String reasons(Verdict verdict) {
        return verdict.reasons().isEmpty() ? "" : ": " + String.join(", ", verdict.reasons());
    }

    private static String pairings(HostSnapshot host) {
        if (host.nics().isEmpty()) {
            return "no synthetic NIC";
        }
        return host.nics().stream().map(TransitionLog::pairing).collect(Collectors.joining(", "));
    }

    private static String pairing(SyntheticNic nic) {
        return nic.name() + (nic.vf() == null ? " without a VF" : " with VF " + describe(nic.vf()));
    }

    /** {@code enP31819s1 (7c4b:00:02.0, mlx5_core)} */
    static String describe(VfInterface vf) {
        PciFunction pci = vf.pci();
        if (pci == null) {
            return vf.name();
        }
        String driver = pci.driver().driver();
        return vf.name() + " (" + pci.address() + (driver == null ? "" : ", " + driver) + ")";
    }
}
