package io.sriovagent.check;

import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code vf_present}: every expected synthetic NIC has a VF paired with it. A failure names what was found
 * instead (a VF interface with the NIC's MAC that is not enslaved, VF functions without an interface), because
 * "no VF" has several causes with different fixes.
 */
final class VfPresentCheck implements Check {

    @Override
    public List<CheckResult> evaluate(CheckInput input) {
        HostSnapshot host = input.current();
        List<CheckResult> results = new ArrayList<>();
        if (host.nics().isEmpty()) {
            // With read errors, "no NIC" may be "could not read the NICs": say so rather than blame the VM.
            String message = host.readErrors().isEmpty()
                    ? "no Hyper-V synthetic NIC found: this is not an Azure VM, or its synthetic NIC driver"
                            + " (hv_netvsc / netvsc) is not loaded"
                    : "no Hyper-V synthetic NIC could be read: " + host.readErrors().get(0)
                            + (host.readErrors().size() > 1 ? " (+" + (host.readErrors().size() - 1) + " more read"
                            + " errors)" : "");
            results.add(CheckResult.failed(CheckId.VF_PRESENT, Scope.HOST, null, message));
            return results;
        }
        if (input.atLeastOneVf() && host.nics().stream().noneMatch(SyntheticNic::hasVf)) {
            results.add(CheckResult.failed(CheckId.VF_PRESENT, Scope.HOST, null,
                    "none of the " + host.nics().size() + " synthetic NICs has a VF: accelerated networking is"
                            + " not working on this VM" + hints(host, null)));
        }
        for (String absent : input.listedButAbsent()) {
            results.add(CheckResult.failed(CheckId.VF_PRESENT, Scope.INTERFACE, absent,
                    absent + " is listed in --expect-vf but is not a synthetic NIC on this host"));
        }
        for (SyntheticNic nic : host.nics()) {
            results.add(judge(nic, input, host));
        }
        return results;
    }

    private static CheckResult judge(SyntheticNic nic, CheckInput input, HostSnapshot host) {
        VfInterface vf = nic.vf();
        if (vf != null) {
            String message = vf.pairing() == VfPairing.LOWER_LINK
                    ? "VF " + Describe.vf(vf) + " is enslaved to " + nic.name()
                    : "VF " + Describe.vf(vf) + " carries " + nic.name() + "'s MAC and the SLAVE flag, but the OS"
                            + " shows no master link: paired, enslavement not confirmed";
            return CheckResult.pass(CheckId.VF_PRESENT, Scope.INTERFACE, nic.name(), message);
        }
        if (!input.expectedNics().contains(nic.name())) {
            return CheckResult.skip(CheckId.VF_PRESENT, Scope.INTERFACE, nic.name(),
                    "no VF expected on " + nic.name() + ": none seen since the agent started (accelerated"
                            + " networking looks disabled on this NIC; --expect-vf all requires it)");
        }
        return CheckResult.failed(CheckId.VF_PRESENT, Scope.INTERFACE, nic.name(),
                "no VF is paired with " + nic.name() + hints(host, nic));
    }

    /** Evidence of where a missing VF went, or that it never arrived. */
    private static String hints(HostSnapshot host, SyntheticNic nic) {
        List<String> found = new ArrayList<>();
        for (VfInterface stray : host.unpairedVfs()) {
            if (nic != null && nic.mac() != null && Objects.equals(nic.mac(), stray.mac())) {
                found.add("VF interface " + Describe.vf(stray) + " carries its MAC but is not enslaved to it");
            } else if (nic == null) {
                found.add("VF interface " + Describe.vf(stray) + " is not enslaved to any synthetic NIC");
            }
        }
        List<String> withoutInterface = host.vfFunctions().stream()
                .filter(pci -> pci.interfaces().isEmpty())
                .map(VfPresentCheck::functionWithoutInterface)
                .toList();
        if (!withoutInterface.isEmpty()) {
            found.add("VF PCI function(s) without a network interface: " + String.join(", ", withoutInterface)
                    + " (see vf_driver_bound)");
        }
        if (found.isEmpty()) {
            return ": no VF PCI device is present (accelerated networking disabled or unsupported for this VM"
                    + " size, or the VF was withdrawn by host servicing)";
        }
        return "; " + String.join("; ", found);
    }

    private static String functionWithoutInterface(PciFunction pci) {
        DriverBinding driver = pci.driver();
        String state = driver.driver() == null ? "no driver bound" : driver.driver() + " bound";
        return Describe.function(pci) + " with " + state;
    }
}
