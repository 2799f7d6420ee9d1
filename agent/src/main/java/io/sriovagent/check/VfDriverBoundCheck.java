package io.sriovagent.check;

import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vf_driver_bound}: every SR-IOV VF PCI function has a VF driver bound, and that driver gave it a network
 * interface. One result per function (subject: its address), because a function without a driver has no
 * interface and so cannot be tied to a synthetic NIC.
 */
final class VfDriverBoundCheck implements Check {

    @Override
    public List<CheckResult> evaluate(CheckInput input) {
        HostSnapshot host = input.current();
        if (host.vfFunctions().isEmpty()) {
            return List.of(CheckResult.skip(CheckId.VF_DRIVER_BOUND, Scope.HOST, null,
                    "no SR-IOV VF PCI function is present"));
        }
        List<CheckResult> results = new ArrayList<>();
        for (PciFunction pci : host.vfFunctions()) {
            results.add(judge(pci, host));
        }
        return results;
    }

    private static CheckResult judge(PciFunction pci, HostSnapshot host) {
        DriverBinding driver = pci.driver();
        String subject = pci.address();
        String function = Describe.function(pci);
        String detail = driver.detail() == null ? "" : ": " + driver.detail();
        return switch (driver.state()) {
            case VF_DRIVER -> pci.interfaces().isEmpty()
                    ? CheckResult.failed(CheckId.VF_DRIVER_BOUND, Scope.DEVICE, subject,
                            function + " has " + driver.driver() + " bound but no network interface"
                                    + (driver.driver().startsWith("mlx4") ? " (ConnectX-3 also needs mlx4_en)" : ""))
                    : CheckResult.pass(CheckId.VF_DRIVER_BOUND, Scope.DEVICE, subject,
                            function + " is bound to " + driver.driver() + " (" + String.join(", ", pci.interfaces())
                                    + ")");
            case NO_DRIVER -> CheckResult.failed(CheckId.VF_DRIVER_BOUND, Scope.DEVICE, subject,
                    function + " has no driver bound: the image lacks the VF driver or it failed to load"
                            + detail + " (kernel " + host.os().kernel() + ")");
            case OTHER_DRIVER -> CheckResult.failed(CheckId.VF_DRIVER_BOUND, Scope.DEVICE, subject,
                    function + " is bound to " + driver.driver() + ", which is not a VF network driver" + detail);
            case PROBLEM -> CheckResult.failed(CheckId.VF_DRIVER_BOUND, Scope.DEVICE, subject,
                    function + " has a driver problem" + detail);
            case UNREADABLE -> CheckResult.skip(CheckId.VF_DRIVER_BOUND, Scope.DEVICE, subject,
                    "the driver of " + function + " could not be read" + detail);
        };
    }
}
