package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/** cfgmgr32.dll: the device tree (status, problem codes, children). Calls return a CONFIGRET code. */
public interface CfgMgr32Library extends StdCallLibrary {

    int CR_SUCCESS = 0x0;
    /** No such device node: no (more) child or sibling, or the device went away during the read. */
    int CR_NO_SUCH_DEVNODE = 0xD;

    /** Longest device instance ID, in characters, without the terminating NUL. */
    int MAX_DEVICE_ID_LEN = 200;

    /** Status flags of {@link #CM_Get_DevNode_Status}. */
    int DN_DRIVER_LOADED = 0x2;
    int DN_STARTED = 0x8;
    int DN_HAS_PROBLEM = 0x400;

    /** The device is not present (a ghost); with DIGCF_PRESENT it only shows up when a device leaves mid-read. */
    int CM_PROB_PHANTOM = 45;

    int CM_Get_DevNode_Status(IntByReference status, IntByReference problemNumber, int devInst, int flags);

    /** Writes the instance ID as a NUL-terminated WCHAR string into {@code buffer} of {@code bufferLen} chars. */
    int CM_Get_Device_ID(int devInst, Pointer buffer, int bufferLen, int flags);

    int CM_Get_Child(IntByReference child, int devInst, int flags);

    int CM_Get_Sibling(IntByReference sibling, int devInst, int flags);
}
