package io.sriovagent.check;

import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.List;
import java.util.Optional;

/**
 * {@code datapath}: over a window with meaningful traffic, enough of the packets went through the VF.
 * Judges the share, never "synthetic = 0": SYNs and broadcast/multicast always take the synthetic path.
 */
final class DatapathCheck implements Check {

    @Override
    public List<CheckResult> evaluate(CheckInput input) {
        return input.current().nics().stream().map(nic -> judge(nic, input)).toList();
    }

    private static CheckResult judge(SyntheticNic nic, CheckInput input) {
        String name = nic.name();
        if (nic.vf() == null) {
            return CheckResult.skip(CheckId.DATAPATH, Scope.INTERFACE, name, "no VF paired with " + name);
        }
        if (nic.counters() == null) {
            return CheckResult.skip(CheckId.DATAPATH, Scope.INTERFACE, name,
                    "the datapath counters of " + name + " could not be read (see readErrors)");
        }
        TrafficWindow window = input.traffic().get(name);
        if (window == null) {
            return CheckResult.pending(CheckId.DATAPATH, Scope.INTERFACE, name,
                    "waiting for the first traffic window on " + name);
        }
        VfInterface before = input.previous().nic(name).map(SyntheticNic::vf).orElse(null);
        if (!nic.vf().sameVfAs(before)) {
            // Most of such a window's packets went through the synthetic path while the VF was away: not a verdict
            // on the datapath the NIC has now.
            return CheckResult.skip(CheckId.DATAPATH, Scope.INTERFACE, name,
                    "VF " + nic.vf().name() + " arrived or changed during the window: judged from the next window");
        }
        if (window.counterReset()) {
            return CheckResult.skip(CheckId.DATAPATH, Scope.INTERFACE, name,
                    "the counters of " + name + " went backwards during the window (driver or VF reset):"
                            + " not judged this window");
        }
        long minPackets = input.thresholds().minPackets(window.windowSeconds());
        String evidence = evidence(window, nic, input.previous());
        if (!window.busy(input.thresholds())) {
            return CheckResult.skip(CheckId.DATAPATH, Scope.INTERFACE, name,
                    "idle: " + Describe.packets(window.totalPackets()) + " packets in "
                            + Describe.seconds(window.windowSeconds()) + " (fewer than " + Describe.packets(minPackets)
                            + "), too little traffic to judge");
        }
        double share = window.vfShare();
        if (share >= input.thresholds().minVfShare()) {
            return CheckResult.pass(CheckId.DATAPATH, Scope.INTERFACE, name,
                    Describe.percent(share) + " of " + name + "'s packets went through VF " + nic.vf().name()
                            + " (" + evidence + ")");
        }
        return CheckResult.failed(CheckId.DATAPATH, Scope.INTERFACE, name,
                "only " + Describe.percent(share) + " of " + name + "'s packets went through VF " + nic.vf().name()
                        + " (minimum " + Describe.percent(input.thresholds().minVfShare()) + "; " + evidence
                        + "): the datapath is not switched to the VF");
    }

    private static String evidence(TrafficWindow window, SyntheticNic nic, HostSnapshot previous) {
        String text = "VF +" + Describe.packets(window.vfPackets()) + ", synthetic +"
                + Describe.packets(window.syntheticPackets()) + " packets in " + Describe.seconds(window.windowSeconds());
        return text + ownCounterDelta(nic, previous).map(delta -> "; VF interface's own counters +"
                + Describe.packets(delta)).orElse("");
    }

    /** The VF interface's own counters corroborate netvsc's; they restart when the VF is re-added. */
    private static Optional<Long> ownCounterDelta(SyntheticNic nic, HostSnapshot previous) {
        if (previous == null) {
            return Optional.empty();
        }
        VfInterface now = nic.vf();
        VfInterface before = previous.nic(nic.name()).map(SyntheticNic::vf).orElse(null);
        if (before == null || !before.name().equals(now.name())) {
            return Optional.empty();
        }
        InterfaceCounters earlier = before.ownCounters();
        InterfaceCounters later = now.ownCounters();
        if (earlier == null || later == null || later.packets() < earlier.packets()) {
            return Optional.empty();
        }
        return Optional.of(later.packets() - earlier.packets());
    }
}
