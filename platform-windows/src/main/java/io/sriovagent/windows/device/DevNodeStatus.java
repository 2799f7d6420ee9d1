package io.sriovagent.windows.device;

import io.sriovagent.windows.jna.CfgMgr32Library;

/**
 * What {@code CM_Get_DevNode_Status} said about a device node.
 *
 * @param flags      DN_* flags
 * @param problem    the CM_PROB_* code, meaningful when {@link #hasProblem()}
 * @param unreadable why the status could not be read, or null when it was
 */
public record DevNodeStatus(int flags, int problem, String unreadable) {

    public static DevNodeStatus of(int flags, int problem) {
        return new DevNodeStatus(flags, problem, null);
    }

    public static DevNodeStatus unreadable(String why) {
        return new DevNodeStatus(0, 0, why);
    }

    public boolean readable() {
        return unreadable == null;
    }

    public boolean hasProblem() {
        return readable() && (flags & CfgMgr32Library.DN_HAS_PROBLEM) != 0;
    }

    /** Started and without problem: the driver runs the device. */
    public boolean healthy() {
        return readable() && (flags & CfgMgr32Library.DN_STARTED) != 0 && !hasProblem();
    }

    /** A device that left between enumeration and this read (or a ghost): it is not there. */
    public boolean phantom() {
        return hasProblem() && problem == CfgMgr32Library.CM_PROB_PHANTOM;
    }
}
