package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/** setupapi.dll: the device information sets of present devices. Loaded with the Unicode (W) function names. */
public interface SetupApiLibrary extends StdCallLibrary {

    /** GUID_DEVCLASS_NET: the "Network adapters" setup class. */
    String GUID_DEVCLASS_NET = "{4D36E972-E325-11CE-BFC1-08002BE10318}";

    /** Only devices that are present now: each deallocation leaves a ghost (non-present) VF behind. */
    int DIGCF_PRESENT = 0x2;
    int DIGCF_ALLCLASSES = 0x4;

    int SPDRP_DEVICEDESC = 0x0;
    int SPDRP_HARDWAREID = 0x1;
    int SPDRP_SERVICE = 0x4;
    int SPDRP_FRIENDLYNAME = 0xC;

    /** GetLastError values that are answers rather than failures. */
    int ERROR_INVALID_DATA = 13;
    int ERROR_INSUFFICIENT_BUFFER = 122;
    int ERROR_NO_MORE_ITEMS = 259;

    int DICS_FLAG_GLOBAL = 0x1;
    /** The device's software (driver) key, where NDIS keeps {@code NetCfgInstanceId}. */
    int DIREG_DRV = 0x2;

    /** Returns INVALID_HANDLE_VALUE on failure (see {@link #isInvalid(WinNT.HANDLE)}). */
    WinNT.HANDLE SetupDiGetClassDevs(Guid.GUID classGuid, String enumerator, Pointer hwndParent, int flags);

    boolean SetupDiEnumDeviceInfo(WinNT.HANDLE deviceInfoSet, int memberIndex, SpDevinfoData deviceInfoData);

    boolean SetupDiGetDeviceRegistryProperty(WinNT.HANDLE deviceInfoSet, SpDevinfoData deviceInfoData, int property,
                                             IntByReference propertyRegDataType, Pointer propertyBuffer,
                                             int propertyBufferSize, IntByReference requiredSize);

    /**
     * Returns the HKEY, or INVALID_HANDLE_VALUE on failure. Declared as a raw pointer: JNA's HANDLE conversion
     * turns INVALID_HANDLE_VALUE into a plain HANDLE, which a method returning HKEY would fail to cast.
     */
    Pointer SetupDiOpenDevRegKey(WinNT.HANDLE deviceInfoSet, SpDevinfoData deviceInfoData, int scope,
                                 int hwProfile, int keyType, int samDesired);

    boolean SetupDiDestroyDeviceInfoList(WinNT.HANDLE deviceInfoSet);

    /** True for null and for INVALID_HANDLE_VALUE ((HANDLE) -1), the two failure values of SetupAPI. */
    static boolean isInvalid(WinNT.HANDLE handle) {
        return handle == null || isInvalid(handle.getPointer());
    }

    static boolean isInvalid(Pointer handle) {
        return handle == null || Pointer.nativeValue(handle) == -1L;
    }
}
