package io.sriovagent.windows;

import io.sriovagent.host.DriverBinding;
import io.sriovagent.windows.device.ChildDevice;
import io.sriovagent.windows.device.DevNodeStatus;
import io.sriovagent.windows.device.ProblemCodes;
import io.sriovagent.windows.device.VfDevice;

/**
 * Turns device node states into the {@link DriverBinding} of a VF PCI device. For a bus VF (ConnectX-3
 * {@code mlx4_bus}, MANA) the bus driver running is not enough: its network adapters must run too, so a child
 * with a problem makes the whole function's binding a problem.
 */
final class DriverJudgement {

    private DriverJudgement() {
    }

    static DriverBinding judge(VfDevice vf) {
        String service = vf.node().service();
        DriverBinding own = fromStatus(vf.node().status(), service, "");
        if (own.state() != DriverBinding.State.VF_DRIVER || !vf.hardware().bus()) {
            return own;
        }
        if (!vf.childrenReadable()) {
            return new DriverBinding(DriverBinding.State.UNREADABLE, service,
                    "the network adapters below the " + service + " bus device could not be read");
        }
        if (vf.children().isEmpty()) {
            // The MANA bus shows "OK" in Device Manager on an OS without the MANA adapter driver.
            return new DriverBinding(DriverBinding.State.PROBLEM, service,
                    "the " + service + " bus device runs but exposes no network adapter");
        }
        for (ChildDevice child : vf.children()) {
            DriverBinding binding = fromStatus(child.status(), service, "network adapter " + child.instanceId() + ": ");
            if (binding.state() != DriverBinding.State.VF_DRIVER) {
                return binding;
            }
        }
        return own;
    }

    private static DriverBinding fromStatus(DevNodeStatus status, String service, String prefix) {
        if (!status.readable()) {
            return new DriverBinding(DriverBinding.State.UNREADABLE, service, prefix + status.unreadable());
        }
        if (status.hasProblem()) {
            String detail = prefix + ProblemCodes.describe(status.problem());
            return status.problem() == ProblemCodes.NO_DRIVER_INSTALLED
                    ? new DriverBinding(DriverBinding.State.NO_DRIVER, null, detail)
                    : new DriverBinding(DriverBinding.State.PROBLEM, service, detail);
        }
        if (!status.healthy()) {
            return service == null
                    ? new DriverBinding(DriverBinding.State.NO_DRIVER, null, prefix + "no driver is loaded")
                    : new DriverBinding(DriverBinding.State.PROBLEM, service,
                            prefix + String.format("the device is not started (status 0x%X)", status.flags()));
        }
        return new DriverBinding(DriverBinding.State.VF_DRIVER, service, null);
    }
}
