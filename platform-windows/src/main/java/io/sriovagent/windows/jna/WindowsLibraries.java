package io.sriovagent.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.win32.W32APIOptions;

/**
 * The native libraries the probe calls. {@link #load()} is the only place that loads them, and it runs only on
 * Windows (from the probe provider); tests build this record from mocks.
 */
public record WindowsLibraries(
        SetupApiLibrary setupApi,
        CfgMgr32Library cfgMgr32,
        IpHelperLibrary ipHelper,
        NtDllLibrary ntDll,
        RegistryLibrary registry,
        LastError lastError) {

    public static WindowsLibraries load() {
        // DEFAULT_OPTIONS picks the W (UTF-16) variant of every function that has one and maps String to WString.
        return new WindowsLibraries(
                Native.load("setupapi", SetupApiLibrary.class, W32APIOptions.DEFAULT_OPTIONS),
                Native.load("cfgmgr32", CfgMgr32Library.class, W32APIOptions.DEFAULT_OPTIONS),
                Native.load("iphlpapi", IpHelperLibrary.class, W32APIOptions.DEFAULT_OPTIONS),
                Native.load("ntdll", NtDllLibrary.class, W32APIOptions.DEFAULT_OPTIONS),
                Native.load("advapi32", RegistryLibrary.class, W32APIOptions.DEFAULT_OPTIONS),
                Native::getLastError);
    }
}
