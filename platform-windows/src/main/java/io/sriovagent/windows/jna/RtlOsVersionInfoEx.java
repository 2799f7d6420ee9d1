package io.sriovagent.windows.jna;

import com.sun.jna.Structure;

/** RTL_OSVERSIONINFOEXW (284 bytes). WCHAR array as {@code short[]}: see {@link MibIfRow2}. */
@Structure.FieldOrder({
        "dwOSVersionInfoSize", "dwMajorVersion", "dwMinorVersion", "dwBuildNumber", "dwPlatformId",
        "szCSDVersion", "wServicePackMajor", "wServicePackMinor", "wSuiteMask", "wProductType", "wReserved"})
public class RtlOsVersionInfoEx extends Structure {

    /** {@link #wProductType} of client editions (Windows 10/11); servers are 2 (domain controller) or 3. */
    public static final int VER_NT_WORKSTATION = 1;

    public int dwOSVersionInfoSize;
    public int dwMajorVersion;
    public int dwMinorVersion;
    public int dwBuildNumber;
    public int dwPlatformId;
    public short[] szCSDVersion = new short[128];
    public short wServicePackMajor;
    public short wServicePackMinor;
    public short wSuiteMask;
    public byte wProductType;
    public byte wReserved;

    public RtlOsVersionInfoEx() {
        dwOSVersionInfoSize = size();
    }

    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
