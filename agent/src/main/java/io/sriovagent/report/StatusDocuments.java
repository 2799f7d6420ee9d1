package io.sriovagent.report;

import io.sriovagent.AgentVersion;
import io.sriovagent.check.CheckResult;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.TrafficWindow;
import io.sriovagent.check.Verdict;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.OsInfo;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.List;
import java.util.Locale;

/** Builds the status document from an evaluation: the one place that maps the model onto the JSON contract. */
public final class StatusDocuments {

    private StatusDocuments() {
    }

    public static StatusDocument from(Evaluation evaluation) {
        HostSnapshot host = evaluation.snapshot();
        Verdict verdict = evaluation.verdict();
        return new StatusDocument(
                verdict.applicationHealthState(),
                verdict.reasons(),
                new StatusDocument.Agent(AgentVersion.current()),
                host(host.os()),
                host.nics().stream().map(nic -> nic(nic, evaluation.traffic().get(nic.name()))).toList(),
                evaluation.checks().stream().map(StatusDocuments::check).toList(),
                host.vfFunctions().stream().map(StatusDocuments::vfDevice).toList(),
                host.readErrors().stream()
                        .map(error -> new StatusDocument.ReadErrorEntry(error.source(), error.subject(), error.message()))
                        .toList(),
                host.takenAt().toString());
    }

    private static StatusDocument.Host host(OsInfo os) {
        return new StatusDocument.Host(os.os(), os.distro(), os.distroVersion(), os.kernel(), os.support().minimum());
    }

    private static StatusDocument.Nic nic(SyntheticNic nic, TrafficWindow window) {
        return new StatusDocument.Nic(nic.name(), nic.mac(), nic.mtu(), nic.driver(), vf(nic.vf()), traffic(window));
    }

    private static StatusDocument.Vf vf(VfInterface vf) {
        if (vf == null) {
            return null;
        }
        PciFunction pci = vf.pci();
        return new StatusDocument.Vf(vf.name(),
                pci == null ? null : pci.address(),
                pci == null ? null : pci.vendorId(),
                pci == null ? null : pci.deviceId(),
                pci == null ? null : pci.model(),
                pci == null ? null : pci.driver().driver(),
                vf.operState(), vf.mtu(), vf.enslaved());
    }

    private static StatusDocument.Traffic traffic(TrafficWindow window) {
        if (window == null) {
            return null;
        }
        double share = window.vfShare();
        return new StatusDocument.Traffic(round(window.windowSeconds(), 3), window.vfPackets(),
                window.syntheticPackets(), Double.isNaN(share) ? null : round(share, 4));
    }

    private static StatusDocument.Check check(CheckResult result) {
        String subject = result.subject();
        return new StatusDocument.Check(result.id().wireName(),
                result.scope() == CheckResult.Scope.INTERFACE ? subject : null,
                result.scope() == CheckResult.Scope.DEVICE ? subject : null,
                result.status().wireName(), result.severity().wireName(), result.message());
    }

    private static StatusDocument.VfDevice vfDevice(PciFunction pci) {
        return new StatusDocument.VfDevice(pci.address(), pci.vendorId(), pci.deviceId(), pci.model(),
                pci.driver().driver(), pci.driver().state().name().toLowerCase(Locale.ROOT), pci.interfaces());
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
