package io.sriovagent.windows.jna;

import com.sun.jna.win32.StdCallLibrary;

/** ntdll.dll: the real OS version (GetVersionEx lies to processes without a compatibility manifest). */
public interface NtDllLibrary extends StdCallLibrary {

    int STATUS_SUCCESS = 0;

    /** Returns an NTSTATUS; fills {@code versionInformation} whose size field the caller has set. */
    int RtlGetVersion(RtlOsVersionInfoEx versionInformation);
}
