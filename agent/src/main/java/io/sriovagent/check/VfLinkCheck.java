package io.sriovagent.check;

import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.List;

/** {@code vf_link}: the paired VF is operationally up; when it is not, netvsc keeps traffic on the synthetic path. */
final class VfLinkCheck implements Check {

    @Override
    public List<CheckResult> evaluate(CheckInput input) {
        return input.current().nics().stream().map(VfLinkCheck::judge).toList();
    }

    private static CheckResult judge(SyntheticNic nic) {
        VfInterface vf = nic.vf();
        if (vf == null) {
            return CheckResult.skip(CheckId.VF_LINK, Scope.INTERFACE, nic.name(), "no VF paired with " + nic.name());
        }
        if (vf.operState() == null) {
            return CheckResult.skip(CheckId.VF_LINK, Scope.INTERFACE, nic.name(),
                    "the operational state of VF " + vf.name() + " could not be read");
        }
        if (vf.up()) {
            return CheckResult.pass(CheckId.VF_LINK, Scope.INTERFACE, nic.name(), "VF " + vf.name() + " is up");
        }
        if ("unknown".equalsIgnoreCase(vf.operState())) {
            // Linux says "unknown" for drivers that do not track the operational state: no evidence either way, and
            // a guess here could replace a working VM.
            return CheckResult.skip(CheckId.VF_LINK, Scope.INTERFACE, nic.name(),
                    "VF " + vf.name() + " reports its operational state as unknown (the driver does not track it)");
        }
        return CheckResult.failed(CheckId.VF_LINK, Scope.INTERFACE, nic.name(),
                "VF " + Describe.vf(vf) + " is " + vf.operState() + ": " + nic.name()
                        + " sends through the synthetic path until it comes up");
    }
}
