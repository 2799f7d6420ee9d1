package io.sriovagent.report;

import io.sriovagent.check.CheckResult;
import io.sriovagent.check.CheckStatus;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.TrafficWindow;
import io.sriovagent.check.Verdict;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.OsInfo;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.List;
import java.util.Locale;

/**
 * The report {@code sriov-agent check} prints for a person: the verdict and its first reason on line one (what a
 * script greps for), then the NICs with their VFs, every check with its evidence, and what could not be read.
 */
public final class HumanReport {

    private HumanReport() {
    }

    public static String render(Evaluation evaluation) {
        HostSnapshot host = evaluation.snapshot();
        Verdict verdict = evaluation.verdict();
        StringBuilder out = new StringBuilder();
        out.append(headline(evaluation, verdict)).append("\n\n");
        out.append("Host: ").append(describeOs(host.os())).append("\n\n");
        if (!host.nics().isEmpty()) {
            out.append(nics(evaluation)).append('\n');
        }
        List<PciFunction> withoutInterface = host.vfFunctions().stream().filter(p -> p.interfaces().isEmpty()).toList();
        if (!withoutInterface.isEmpty()) {
            out.append("VF PCI functions without a network interface:\n");
            for (PciFunction pci : withoutInterface) {
                out.append("  ").append(pci.address()).append("  ").append(pci.vendorId()).append(':')
                        .append(pci.deviceId()).append("  ").append(orDash(pci.model())).append("  driver: ")
                        .append(pci.driver().driver() == null ? "none" : pci.driver().driver()).append('\n');
            }
            out.append('\n');
        }
        out.append(checks(evaluation.checks()));
        if (!host.readErrors().isEmpty()) {
            out.append("\nCould not read:\n");
            for (ReadError error : host.readErrors()) {
                out.append("  ").append(error.source()).append("  ").append(error.subject()).append(": ")
                        .append(error.message()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code HEALTHY: 2 NICs, 2 VFs carrying traffic} or {@code UNHEALTHY: vf_present eth1: no VF is paired...}. */
    private static String headline(Evaluation evaluation, Verdict verdict) {
        if (verdict.healthy()) {
            long withVf = evaluation.snapshot().nics().stream().filter(SyntheticNic::hasVf).count();
            long warnings = evaluation.checks().stream().filter(c -> c.status() == CheckStatus.WARN).count();
            return "HEALTHY: " + evaluation.snapshot().nics().size() + " synthetic NIC(s), " + withVf
                    + " with a working VF" + (warnings == 0 ? "" : "; " + warnings + " warning(s) below");
        }
        List<CheckResult> failing = evaluation.checks().stream().filter(CheckResult::decidesUnhealthy).toList();
        CheckResult first = failing.get(0);
        String more = failing.size() > 1 ? " (+" + (failing.size() - 1) + " more failing check(s) below)" : "";
        String subject = first.subject() == null ? "" : " " + first.subject();
        return "UNHEALTHY: " + first.id().wireName() + subject + ": " + first.message() + more;
    }

    private static String describeOs(OsInfo os) {
        StringBuilder text = new StringBuilder(os.os());
        if (os.distro() != null) {
            text.append(' ').append(os.distro());
            if (os.distroVersion() != null) {
                text.append(' ').append(os.distroVersion());
            }
        }
        text.append(", ").append(os.os().equals("windows") ? "build " : "kernel ").append(orDash(os.kernel()));
        if (os.support().minimum() != null) {
            text.append(" (minimum ").append(os.support().minimum()).append(')');
        }
        return text.toString();
    }

    private static String nics(Evaluation evaluation) {
        TextTable table = new TextTable("NIC", "MAC", "MTU", "VF", "PCI", "MODEL", "DRIVER", "STATE", "VF SHARE");
        for (SyntheticNic nic : evaluation.snapshot().nics()) {
            VfInterface vf = nic.vf();
            PciFunction pci = vf == null ? null : vf.pci();
            table.add(nic.name(), orDash(nic.mac()), nic.mtu() < 0 ? "?" : Integer.toString(nic.mtu()),
                    vf == null ? "-" : vf.name() + (vf.enslaved() ? "" : " (not enslaved)"),
                    pci == null ? "-" : pci.address(),
                    pci == null ? "-" : orDash(pci.model()),
                    pci == null ? "-" : orDash(pci.driver().driver()),
                    vf == null ? "-" : orDash(vf.operState()),
                    share(evaluation.traffic().get(nic.name())));
        }
        return table.render("");
    }

    private static String share(TrafficWindow window) {
        if (window == null) {
            return "-";
        }
        if (window.counterReset()) {
            return "counters reset";
        }
        double share = window.vfShare();
        String packets = String.format(Locale.ROOT, "%,d pkts in %.1f s", window.totalPackets(), window.windowSeconds());
        return Double.isNaN(share) ? "idle (" + packets + ")"
                : String.format(Locale.ROOT, "%.1f%% of %s", share * 100, packets);
    }

    private static String checks(List<CheckResult> checks) {
        TextTable table = new TextTable("STATUS", "CHECK", "SUBJECT", "MESSAGE");
        for (CheckResult check : checks) {
            String status = check.status().wireName();
            table.add(check.status() == CheckStatus.FAIL ? status.toUpperCase(Locale.ROOT) : status,
                    check.id().wireName(), check.subject() == null ? "host" : check.subject(), check.message());
        }
        return table.render("");
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
