package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid;

/**
 * SP_DEVINFO_DATA: one member of a device information set (32 bytes on x64). Declared here because
 * jna-platform's copy is nested in its SetupApi library, whose construction loads setupapi.dll.
 */
@Structure.FieldOrder({"cbSize", "ClassGuid", "DevInst", "Reserved"})
public class SpDevinfoData extends Structure {
    public int cbSize;
    public Guid.GUID ClassGuid;
    /** The device node handle that CfgMgr32 calls take. */
    public int DevInst;
    public Pointer Reserved;

    public SpDevinfoData() {
        cbSize = size();
    }
}
