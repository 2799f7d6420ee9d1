package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/** advapi32.dll registry reads. Calls return a Win32 error code (0 = success). */
public interface RegistryLibrary extends StdCallLibrary {

    int ERROR_SUCCESS = 0;
    int ERROR_FILE_NOT_FOUND = 2;
    int ERROR_MORE_DATA = 234;

    int KEY_QUERY_VALUE = 0x1;
    /** Read the 64-bit view even from a 32-bit JVM. */
    int KEY_WOW64_64KEY = 0x100;

    int REG_SZ = 1;
    int REG_EXPAND_SZ = 2;
    int REG_DWORD = 4;

    int RegOpenKeyEx(WinReg.HKEY key, String subKey, int options, int samDesired, WinReg.HKEYByReference result);

    /** With a null {@code data}, only reports the type and the size in bytes. */
    int RegQueryValueEx(WinReg.HKEY key, String valueName, Pointer reserved, IntByReference type, Pointer data,
                        IntByReference dataBytes);

    int RegCloseKey(WinReg.HKEY key);
}
