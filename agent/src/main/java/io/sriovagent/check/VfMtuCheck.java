package io.sriovagent.check;

import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.List;

/** {@code vf_mtu}: the VF's MTU equals the synthetic NIC's; a mismatch drops or fragments large packets. */
final class VfMtuCheck implements Check {

    @Override
    public List<CheckResult> evaluate(CheckInput input) {
        return input.current().nics().stream().map(VfMtuCheck::judge).toList();
    }

    private static CheckResult judge(SyntheticNic nic) {
        VfInterface vf = nic.vf();
        if (vf == null) {
            return CheckResult.skip(CheckId.VF_MTU, Scope.INTERFACE, nic.name(), "no VF paired with " + nic.name());
        }
        if (vf.mtu() < 0 || nic.mtu() < 0) {
            return CheckResult.skip(CheckId.VF_MTU, Scope.INTERFACE, nic.name(),
                    "the MTU of " + (nic.mtu() < 0 ? nic.name() : vf.name()) + " could not be read");
        }
        if (vf.mtu() == nic.mtu()) {
            return CheckResult.pass(CheckId.VF_MTU, Scope.INTERFACE, nic.name(),
                    "VF " + vf.name() + " and " + nic.name() + " both have MTU " + nic.mtu());
        }
        return CheckResult.failed(CheckId.VF_MTU, Scope.INTERFACE, nic.name(),
                "VF " + vf.name() + " has MTU " + vf.mtu() + " but " + nic.name() + " has MTU " + nic.mtu()
                        + ": set the MTU on " + nic.name() + " only (netvsc passes it to the VF)");
    }
}
