package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/** iphlpapi.dll: the interface table with its counters. */
public interface IpHelperLibrary extends StdCallLibrary {

    /** Allocates a MIB_IF_TABLE2 that the caller must release with {@link #FreeMibTable(Pointer)}. */
    int GetIfTable2(PointerByReference table);

    void FreeMibTable(Pointer memory);
}
