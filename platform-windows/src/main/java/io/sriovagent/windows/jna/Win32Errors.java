package io.sriovagent.windows.jna;

import java.util.Map;

/**
 * Names for the error codes the agent's native calls return, so read errors and service messages say
 * "access denied (Win32 error 5)" rather than a bare number. Formatted here rather than with FormatMessage:
 * the text must not depend on the host's language, and the tests run off Windows.
 */
public final class Win32Errors {

    private static final Map<Integer, String> WIN32 = Map.ofEntries(
            Map.entry(2, "not found"),
            Map.entry(5, "access denied"),
            Map.entry(6, "invalid handle"),
            Map.entry(8, "not enough memory"),
            Map.entry(13, "invalid data"),
            Map.entry(50, "not supported"),
            Map.entry(87, "invalid parameter"),
            Map.entry(122, "buffer too small"),
            Map.entry(232, "no data"),
            Map.entry(234, "more data"),
            Map.entry(259, "no more items"),
            Map.entry(1060, "the service does not exist"),
            Map.entry(1061, "the service cannot accept control messages now"),
            Map.entry(1062, "the service has not been started"),
            Map.entry(1063, "the process was not started by the Service Control Manager"),
            Map.entry(1072, "the service is marked for deletion"),
            Map.entry(1073, "the service exists already"),
            Map.entry(1168, "element not found"));

    private static final Map<Integer, String> CONFIGRET = Map.ofEntries(
            Map.entry(0x02, "CR_OUT_OF_MEMORY"),
            Map.entry(0x03, "CR_INVALID_POINTER"),
            Map.entry(0x04, "CR_INVALID_FLAG"),
            Map.entry(0x05, "CR_INVALID_DEVNODE"),
            Map.entry(0x0D, "CR_NO_SUCH_DEVNODE"),
            Map.entry(0x13, "CR_FAILURE"),
            Map.entry(0x1A, "CR_BUFFER_SMALL"),
            Map.entry(0x1D, "CR_REGISTRY_ERROR"),
            Map.entry(0x24, "CR_DEVICE_NOT_THERE"),
            Map.entry(0x25, "CR_NO_SUCH_VALUE"),
            Map.entry(0x33, "CR_ACCESS_DENIED"),
            Map.entry(0x34, "CR_CALL_NOT_IMPLEMENTED"));

    private Win32Errors() {
    }

    /** "access denied (Win32 error 5)", or "Win32 error 1234" for codes without a name here. */
    public static String win32(int code) {
        String name = WIN32.get(code);
        return name == null ? "Win32 error " + code : name + " (Win32 error " + code + ")";
    }

    /** "CR_NO_SUCH_DEVNODE (0x0D)" for a cfgmgr32 CONFIGRET. */
    public static String configRet(int code) {
        return CONFIGRET.getOrDefault(code, "CONFIGRET") + String.format(" (0x%02X)", code);
    }

    /** "NTSTATUS 0xC0000001" for an ntdll status. */
    public static String ntStatus(int status) {
        return String.format("NTSTATUS 0x%08X", status);
    }
}
