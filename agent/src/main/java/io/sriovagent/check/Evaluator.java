package io.sriovagent.check;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.SyntheticNic;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every check that needs no history over (previous, current) snapshots. Pure: the same input always gives the
 * same results. Grace periods and flap counting belong to the daemon's health policy, on top of this.
 *
 * <p>{@code check} calls it once with its two probes; the daemon calls it after every probe with the one before.
 */
public final class Evaluator {

    private static final List<Check> CHECKS = List.of(
            new OsSupportCheck(), new VfPresentCheck(), new VfDriverBoundCheck(), new VfLinkCheck(),
            new VfMtuCheck(), new DatapathCheck());

    private static final Comparator<CheckResult> ORDER = Comparator
            .comparing(CheckResult::id)
            .thenComparing(CheckResult::scope)
            .thenComparing(CheckResult::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ExpectVf expectVf;
    private final DatapathThresholds thresholds;

    public Evaluator(ExpectVf expectVf, DatapathThresholds thresholds) {
        this.expectVf = Objects.requireNonNull(expectVf, "expectVf");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * @param previous      the probe before the window, or null on the first probe
     * @param current       the probe to judge
     * @param nicsThatHadVf synthetic NICs seen with a VF since the agent started (in {@code auto} mode they must keep
     *                      one); the NICs with a VF in {@code previous} and {@code current} are added here
     */
    public Evaluation evaluate(HostSnapshot previous, HostSnapshot current, Set<String> nicsThatHadVf) {
        Set<String> hadVf = new TreeSet<>(nicsThatHadVf);
        hadVf.addAll(nicsWithVf(current));
        if (previous != null) {
            hadVf.addAll(nicsWithVf(previous));
        }
        Set<String> present = new LinkedHashSet<>(current.nics().stream().map(SyntheticNic::name).toList());
        Set<String> expected = new TreeSet<>();
        Set<String> listedButAbsent = new TreeSet<>();
        switch (expectVf.mode()) {
            case ALL -> expected.addAll(present);
            case LIST -> expectVf.interfaces().forEach(name -> (present.contains(name) ? expected : listedButAbsent)
                    .add(name));
            case AUTO -> hadVf.stream().filter(present::contains).forEach(expected::add);
        }
        boolean atLeastOneVf = expectVf.mode() == ExpectVf.Mode.AUTO && expected.isEmpty();

        Map<String, TrafficWindow> traffic = trafficWindows(previous, current);
        CheckInput input = new CheckInput(previous, current, expected, atLeastOneVf, listedButAbsent, traffic,
                thresholds);
        List<CheckResult> results = CHECKS.stream()
                .flatMap(check -> check.evaluate(input).stream())
                .sorted(ORDER)
                .toList();
        return new Evaluation(current, results, traffic);
    }

    private static Set<String> nicsWithVf(HostSnapshot snapshot) {
        Set<String> names = new TreeSet<>();
        snapshot.nics().stream().filter(SyntheticNic::hasVf).forEach(nic -> names.add(nic.name()));
        return names;
    }

    private static Map<String, TrafficWindow> trafficWindows(HostSnapshot previous, HostSnapshot current) {
        Map<String, TrafficWindow> windows = new HashMap<>();
        if (previous == null) {
            return windows;
        }
        double seconds = (current.monotonicNanos() - previous.monotonicNanos()) / 1e9;
        if (seconds <= 0) {
            return windows;
        }
        for (SyntheticNic nic : current.nics()) {
            SyntheticNic before = previous.nic(nic.name()).orElse(null);
            if (nic.counters() != null && before != null && before.counters() != null
                    && before.counters().source() == nic.counters().source()) {
                windows.put(nic.name(), TrafficWindow.between(before.counters(), nic.counters(), seconds));
            }
        }
        return windows;
    }
}
