package io.sriovagent.windows.fake;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.sriovagent.windows.jna.CfgMgr32Library;
import io.sriovagent.windows.jna.IpHelperLibrary;
import io.sriovagent.windows.jna.MibIfRow2;
import io.sriovagent.windows.jna.MibIfTable2;
import io.sriovagent.windows.jna.NtDllLibrary;
import io.sriovagent.windows.jna.RegistryLibrary;
import io.sriovagent.windows.jna.RtlOsVersionInfoEx;
import io.sriovagent.windows.jna.SetupApiLibrary;
import io.sriovagent.windows.jna.SpDevinfoData;
import io.sriovagent.windows.jna.WideStrings;
import io.sriovagent.windows.jna.WindowsLibraries;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Windows host behind Mockito mocks of the native library interfaces: a device tree (SetupAPI + CfgMgr32),
 * driver-key registry values, an IP Helper interface table and an OS version. The mocks behave as the Win32
 * documentation describes (size queries, ERROR_NO_MORE_ITEMS, INVALID_HANDLE_VALUE, CR_NO_SUCH_DEVNODE, W
 * strings in UTF-16LE), honour DIGCF_PRESENT, and track every set, key and table they hand out so tests can check
 * that the probe gives each one back. {@link #fail(NativeCall)} makes one call fail.
 */
public final class FakeWindows {

    public static final int DN_OK = CfgMgr32Library.DN_DRIVER_LOADED | CfgMgr32Library.DN_STARTED;

    /** A device node. */
    public final class Device {
        final int devInst;
        final String instanceId;
        final List<String> hardwareIds;
        final boolean netClass;
        final Device parent;
        final List<Device> children = new ArrayList<>();
        String service;
        String description;
        String friendlyName;
        String netCfgInstanceId;
        boolean present = true;
        boolean vanished;
        boolean throwsUnexpectedly;
        int flags = DN_OK;
        int problem;

        Device(String instanceId, List<String> hardwareIds, boolean netClass, Device parent) {
            this.devInst = devices.size() + 1;
            this.instanceId = instanceId;
            this.hardwareIds = hardwareIds;
            this.netClass = netClass;
            this.parent = parent;
        }

        public Device service(String value) {
            service = value;
            return this;
        }

        public Device description(String value) {
            description = value;
            return this;
        }

        public Device friendlyName(String value) {
            friendlyName = value;
            return this;
        }

        public Device netCfgInstanceId(String value) {
            netCfgInstanceId = value;
            return this;
        }

        /** A ghost: left behind by an earlier deallocation, enumerated only without DIGCF_PRESENT. */
        public Device notPresent() {
            present = false;
            return this;
        }

        /** Enumerated, then gone before its status is read (host servicing removing the VF mid-probe). */
        public Device vanishesDuringRead() {
            vanished = true;
            return this;
        }

        /** Reading its status throws an unchecked exception, as a JNA surprise would. */
        public Device throwsWhenRead() {
            throwsUnexpectedly = true;
            return this;
        }

        /** DN_HAS_PROBLEM with a CM_PROB_* code; the driver no longer runs the device. */
        public Device problem(int code) {
            flags = CfgMgr32Library.DN_HAS_PROBLEM;
            problem = code;
            return this;
        }

        public Device status(int dnFlags) {
            flags = dnFlags;
            return this;
        }

        public String instanceId() {
            return instanceId;
        }
    }

    /** A MIB_IF_ROW2. */
    public static final class Row {
        final String guid;
        final String alias;
        String description = "";
        byte[] mac = new byte[0];
        int mtu = 1500;
        int operStatus = 1;
        int flags = MibIfRow2.FLAG_HARDWARE_INTERFACE;
        long inOctets;
        long inUcast;
        long inNUcast;
        long outOctets;
        long outUcast;
        long outNUcast;
        long outDiscards;

        Row(String guid, String alias) {
            this.guid = guid;
            this.alias = alias;
        }

        public Row description(String value) {
            description = value;
            return this;
        }

        /** "00-0D-3A-AA-00-AA", as Get-NetAdapter prints it. */
        public Row mac(String dashed) {
            mac = HexFormat.ofDelimiter("-").parseHex(dashed);
            return this;
        }

        public Row mtu(int value) {
            mtu = value;
            return this;
        }

        /** IF_OPER_STATUS: 1 up, 2 down, 7 lower layer down... */
        public Row operStatus(int value) {
            operStatus = value;
            return this;
        }

        /** A filter module's row: not a hardware interface, FilterInterface set. */
        public Row filter() {
            flags = MibIfRow2.FLAG_FILTER_INTERFACE;
            return this;
        }

        public Row received(long octets, long unicast, long nonUnicast) {
            inOctets = octets;
            inUcast = unicast;
            inNUcast = nonUnicast;
            return this;
        }

        public Row sent(long octets, long unicast, long nonUnicast, long discards) {
            outOctets = octets;
            outUcast = unicast;
            outNUcast = nonUnicast;
            outDiscards = discards;
            return this;
        }
    }

    private final List<Device> devices = new ArrayList<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Set<NativeCall> failing = EnumSet.noneOf(NativeCall.class);
    private final Map<Long, List<Device>> openSets = new HashMap<>();
    private final Map<Long, Map<String, Object>> openKeys = new HashMap<>();
    private final List<Pointer> openTables = new ArrayList<>();
    private final Map<String, Object> currentVersion = new HashMap<>();
    private int major = 10;
    private int minor = 0;
    private int build = 20348;
    private int productType = 3;
    private long nextHandle = 0x1000;
    private int lastError;
    private int setsOpened;
    private int keysOpened;
    private int tablesReturned;

    public final SetupApiLibrary setupApi = mock(SetupApiLibrary.class);
    public final CfgMgr32Library cfgMgr32 = mock(CfgMgr32Library.class);
    public final IpHelperLibrary ipHelper = mock(IpHelperLibrary.class);
    public final NtDllLibrary ntDll = mock(NtDllLibrary.class);
    public final RegistryLibrary registry = mock(RegistryLibrary.class);

    public FakeWindows() {
        wireSetupApi();
        wireCfgMgr32();
        wireRegistry();
        wireIpHelper();
        wireNtDll();
    }

    public WindowsLibraries libraries() {
        return new WindowsLibraries(setupApi, cfgMgr32, ipHelper, ntDll, registry, () -> lastError);
    }

    // ---- building the host ----

    /** A network-class device (an adapter) at the root of the tree. */
    public Device adapter(String instanceId, String... hardwareIds) {
        Device device = new Device(instanceId, List.of(hardwareIds), true, null);
        devices.add(device);
        return device;
    }

    /** A PCI device of another class (a bus device, or a VF whose driver is missing). */
    public Device pciDevice(String instanceId, String... hardwareIds) {
        Device device = new Device(instanceId, List.of(hardwareIds), false, null);
        devices.add(device);
        return device;
    }

    /** A network adapter created by a bus driver below {@code parent}. */
    public Device childAdapter(Device parent, String instanceId, String... hardwareIds) {
        Device device = new Device(instanceId, List.of(hardwareIds), true, parent);
        devices.add(device);
        parent.children.add(device);
        return device;
    }

    public Row row(String guid, String alias) {
        Row row = new Row(guid.toLowerCase(Locale.ROOT), alias);
        rows.put(alias, row);
        return row;
    }

    public Row row(String alias) {
        return rows.get(alias);
    }

    public void version(int majorVersion, int minorVersion, int buildNumber, int ubr, String productName,
                        String displayVersion, boolean client) {
        major = majorVersion;
        minor = minorVersion;
        build = buildNumber;
        productType = client ? RtlOsVersionInfoEx.VER_NT_WORKSTATION : 3;
        currentVersion.clear();
        currentVersion.put("UBR", ubr);
        currentVersion.put("ProductName", productName);
        if (displayVersion != null) {
            currentVersion.put(majorVersion == 10 && buildNumber >= 19042 ? "DisplayVersion" : "ReleaseId",
                    displayVersion);
        }
    }

    /** Makes every call of this kind fail from now on. */
    public void fail(NativeCall call) {
        failing.add(call);
    }

    // ---- what the probe left behind ----

    public int openDeviceInfoSets() {
        return openSets.size();
    }

    public int openRegistryKeys() {
        return openKeys.size();
    }

    public int unfreedTables() {
        return openTables.size();
    }

    public int deviceInfoSetsOpened() {
        return setsOpened;
    }

    public int registryKeysOpened() {
        return keysOpened;
    }

    public int tablesReturned() {
        return tablesReturned;
    }

    // ---- SetupAPI ----

    private void wireSetupApi() {
        doAnswer(call -> {
            if (failing.contains(NativeCall.SETUPDI_GET_CLASS_DEVS)) {
                lastError = 5;
                return new WinNT.HANDLE(Pointer.createConstant(-1L));
            }
            Guid.GUID classGuid = call.getArgument(0);
            String enumerator = call.getArgument(1);
            int flags = call.getArgument(3);
            List<Device> members = new ArrayList<>();
            for (Device device : devices) {
                boolean classMatches = classGuid == null
                        ? (flags & SetupApiLibrary.DIGCF_ALLCLASSES) != 0
                        : device.netClass && classGuid.equals(new Guid.GUID(SetupApiLibrary.GUID_DEVCLASS_NET));
                boolean enumeratorMatches = enumerator == null
                        || device.instanceId.toUpperCase(Locale.ROOT).startsWith(enumerator + "\\");
                boolean presentMatches = device.present || (flags & SetupApiLibrary.DIGCF_PRESENT) == 0;
                if (classMatches && enumeratorMatches && presentMatches) {
                    members.add(device);
                }
            }
            long handle = nextHandle++;
            openSets.put(handle, members);
            setsOpened++;
            return new WinNT.HANDLE(new Pointer(handle));
        }).when(setupApi).SetupDiGetClassDevs(any(), any(), any(), anyInt());

        doAnswer(call -> {
            List<Device> members = set(call.getArgument(0));
            int index = call.getArgument(1);
            if (failing.contains(NativeCall.SETUPDI_ENUM_DEVICE_INFO)) {
                lastError = 5;
                return false;
            }
            if (index >= members.size()) {
                lastError = SetupApiLibrary.ERROR_NO_MORE_ITEMS;
                return false;
            }
            SpDevinfoData data = call.getArgument(2);
            data.DevInst = members.get(index).devInst;
            return true;
        }).when(setupApi).SetupDiEnumDeviceInfo(any(), anyInt(), any());

        doAnswer(call -> {
            set(call.getArgument(0));
            Device device = device(((SpDevinfoData) call.getArgument(1)).DevInst);
            if (failing.contains(NativeCall.SETUPDI_GET_DEVICE_REGISTRY_PROPERTY)) {
                lastError = 5;
                return false;
            }
            int property = call.getArgument(2);
            byte[] value = switch (property) {
                case SetupApiLibrary.SPDRP_HARDWAREID -> multiSz(device.hardwareIds);
                case SetupApiLibrary.SPDRP_SERVICE -> sz(device.service);
                case SetupApiLibrary.SPDRP_DEVICEDESC -> sz(device.description);
                case SetupApiLibrary.SPDRP_FRIENDLYNAME -> sz(device.friendlyName);
                default -> throw new AssertionError("unexpected property " + property);
            };
            return answerBuffer(value, property == SetupApiLibrary.SPDRP_HARDWAREID ? 7 : RegistryLibrary.REG_SZ,
                    call.getArgument(3), call.getArgument(4), call.getArgument(5), call.getArgument(6));
        }).when(setupApi).SetupDiGetDeviceRegistryProperty(any(), any(), anyInt(), any(), any(), anyInt(), any());

        doAnswer(call -> {
            set(call.getArgument(0));
            Device device = device(((SpDevinfoData) call.getArgument(1)).DevInst);
            if (failing.contains(NativeCall.SETUPDI_OPEN_DEV_REG_KEY)) {
                lastError = 5;
                return Pointer.createConstant(-1L);
            }
            Map<String, Object> values = new HashMap<>();
            if (device.netCfgInstanceId != null) {
                values.put("NetCfgInstanceId", device.netCfgInstanceId);
            }
            return openKey(values).getPointer();
        }).when(setupApi).SetupDiOpenDevRegKey(any(), any(), anyInt(), anyInt(), anyInt(), anyInt());

        doAnswer(call -> {
            long handle = Pointer.nativeValue(((WinNT.HANDLE) call.getArgument(0)).getPointer());
            if (openSets.remove(handle) == null) {
                throw new AssertionError("destroying a device information set that is not open");
            }
            return true;
        }).when(setupApi).SetupDiDestroyDeviceInfoList(any());
    }

    private boolean answerBuffer(byte[] value, int regType, IntByReference type, Pointer buffer, int size,
                                 IntByReference required) {
        if (value == null) {
            lastError = SetupApiLibrary.ERROR_INVALID_DATA;
            return false;
        }
        if (required != null) {
            required.setValue(value.length);
        }
        if (buffer == null || size < value.length) {
            lastError = SetupApiLibrary.ERROR_INSUFFICIENT_BUFFER;
            return false;
        }
        buffer.write(0, value, 0, value.length);
        if (type != null) {
            type.setValue(regType);
        }
        return true;
    }

    private List<Device> set(WinNT.HANDLE handle) {
        List<Device> members = openSets.get(Pointer.nativeValue(handle.getPointer()));
        if (members == null) {
            throw new AssertionError("use of a device information set that is not open");
        }
        return members;
    }

    // ---- CfgMgr32 ----

    private void wireCfgMgr32() {
        doAnswer(call -> {
            if (failing.contains(NativeCall.CM_GET_DEVICE_ID)) {
                return 0x13;
            }
            Device device = deviceOrNull(call.getArgument(0));
            if (device == null) {
                return CfgMgr32Library.CR_NO_SUCH_DEVNODE;
            }
            byte[] id = WideStrings.encode(device.instanceId);
            int chars = call.getArgument(2);
            if (chars * 2 < id.length) {
                return 0x1A;
            }
            ((Pointer) call.getArgument(1)).write(0, id, 0, id.length);
            return CfgMgr32Library.CR_SUCCESS;
        }).when(cfgMgr32).CM_Get_Device_ID(anyInt(), any(), anyInt(), anyInt());

        doAnswer(call -> {
            if (failing.contains(NativeCall.CM_GET_DEVNODE_STATUS)) {
                return 0x13;
            }
            Device device = deviceOrNull(call.getArgument(2));
            if (device == null || !device.present || device.vanished) {
                return CfgMgr32Library.CR_NO_SUCH_DEVNODE;
            }
            if (device.throwsUnexpectedly) {
                throw new IllegalStateException("unexpected structure from " + device.instanceId);
            }
            ((IntByReference) call.getArgument(0)).setValue(device.flags);
            ((IntByReference) call.getArgument(1)).setValue(device.problem);
            return CfgMgr32Library.CR_SUCCESS;
        }).when(cfgMgr32).CM_Get_DevNode_Status(any(), any(), anyInt(), anyInt());

        doAnswer(call -> {
            if (failing.contains(NativeCall.CM_GET_CHILD)) {
                return 0x13;
            }
            List<Device> present = presentChildren(device(call.getArgument(1)));
            if (present.isEmpty()) {
                return CfgMgr32Library.CR_NO_SUCH_DEVNODE;
            }
            ((IntByReference) call.getArgument(0)).setValue(present.get(0).devInst);
            return CfgMgr32Library.CR_SUCCESS;
        }).when(cfgMgr32).CM_Get_Child(any(), anyInt(), anyInt());

        doAnswer(call -> {
            if (failing.contains(NativeCall.CM_GET_SIBLING)) {
                return 0x13;
            }
            Device device = device(call.getArgument(1));
            List<Device> siblings = device.parent == null ? List.of() : presentChildren(device.parent);
            int at = siblings.indexOf(device);
            if (at < 0 || at + 1 >= siblings.size()) {
                return CfgMgr32Library.CR_NO_SUCH_DEVNODE;
            }
            ((IntByReference) call.getArgument(0)).setValue(siblings.get(at + 1).devInst);
            return CfgMgr32Library.CR_SUCCESS;
        }).when(cfgMgr32).CM_Get_Sibling(any(), anyInt(), anyInt());
    }

    private static List<Device> presentChildren(Device parent) {
        return parent.children.stream().filter(child -> child.present).toList();
    }

    private Device deviceOrNull(int devInst) {
        return devInst >= 1 && devInst <= devices.size() ? devices.get(devInst - 1) : null;
    }

    private Device device(int devInst) {
        Device device = deviceOrNull(devInst);
        if (device == null) {
            throw new AssertionError("no device node " + devInst);
        }
        return device;
    }

    // ---- registry ----

    private void wireRegistry() {
        doAnswer(call -> {
            if (failing.contains(NativeCall.REG_OPEN_KEY_EX)) {
                return 5;
            }
            WinReg.HKEY root = call.getArgument(0);
            String path = call.getArgument(1);
            if (!root.equals(WinReg.HKEY_LOCAL_MACHINE)
                    || !path.equals("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")) {
                return RegistryLibrary.ERROR_FILE_NOT_FOUND;
            }
            ((WinReg.HKEYByReference) call.getArgument(4)).setValue(openKey(currentVersion));
            return RegistryLibrary.ERROR_SUCCESS;
        }).when(registry).RegOpenKeyEx(any(), any(), anyInt(), anyInt(), any());

        doAnswer(call -> {
            Map<String, Object> values = key(call.getArgument(0));
            if (failing.contains(NativeCall.REG_QUERY_VALUE_EX)) {
                return 5;
            }
            Object value = values.get((String) call.getArgument(1));
            if (value == null) {
                return RegistryLibrary.ERROR_FILE_NOT_FOUND;
            }
            byte[] bytes;
            int type;
            if (value instanceof Integer number) {
                bytes = new byte[] {(byte) (int) number, (byte) (number >> 8), (byte) (number >> 16),
                        (byte) (number >> 24)};
                type = RegistryLibrary.REG_DWORD;
            } else {
                bytes = WideStrings.encode((String) value);
                type = RegistryLibrary.REG_SZ;
            }
            ((IntByReference) call.getArgument(3)).setValue(type);
            IntByReference size = call.getArgument(5);
            Pointer data = call.getArgument(4);
            int room = size.getValue();
            size.setValue(bytes.length);
            if (data == null) {
                return RegistryLibrary.ERROR_SUCCESS;
            }
            if (room < bytes.length) {
                return RegistryLibrary.ERROR_MORE_DATA;
            }
            data.write(0, bytes, 0, bytes.length);
            return RegistryLibrary.ERROR_SUCCESS;
        }).when(registry).RegQueryValueEx(any(), any(), isNull(), any(), any(), any());

        doAnswer(call -> {
            long handle = Pointer.nativeValue(((WinReg.HKEY) call.getArgument(0)).getPointer());
            if (openKeys.remove(handle) == null) {
                throw new AssertionError("closing a registry key that is not open");
            }
            return RegistryLibrary.ERROR_SUCCESS;
        }).when(registry).RegCloseKey(any());
    }

    private WinReg.HKEY openKey(Map<String, Object> values) {
        long handle = nextHandle++;
        openKeys.put(handle, values);
        keysOpened++;
        return new WinReg.HKEY(new Pointer(handle));
    }

    private Map<String, Object> key(WinReg.HKEY key) {
        Map<String, Object> values = openKeys.get(Pointer.nativeValue(key.getPointer()));
        if (values == null) {
            throw new AssertionError("use of a registry key that is not open");
        }
        return values;
    }

    // ---- IP Helper ----

    private void wireIpHelper() {
        doAnswer(call -> {
            if (failing.contains(NativeCall.GET_IF_TABLE2)) {
                return 8;
            }
            int rowSize = new MibIfRow2().size();
            int offset = new MibIfTable2().rowsOffset();
            Memory table = new Memory(offset + (long) rowSize * Math.max(1, rows.size()));
            table.clear();
            table.setInt(0, rows.size());
            int i = 0;
            for (Row row : rows.values()) {
                MibIfRow2 target = new MibIfRow2(table.share(offset + (long) i++ * rowSize));
                fill(target, row, i);
                target.write();
            }
            ((PointerByReference) call.getArgument(0)).setValue(table);
            openTables.add(table);
            tablesReturned++;
            return 0;
        }).when(ipHelper).GetIfTable2(any());

        doAnswer(call -> {
            Pointer memory = call.getArgument(0);
            if (!openTables.removeIf(table -> table.equals(memory))) {
                throw new AssertionError("freeing a table that GetIfTable2 did not return");
            }
            return null;
        }).when(ipHelper).FreeMibTable(any());
    }

    private static void fill(MibIfRow2 target, Row row, int index) {
        target.InterfaceLuid = 0x0006000000000000L | index;
        target.InterfaceIndex = index;
        target.InterfaceGuid = new Guid.GUID(row.guid);
        units(row.alias, target.Alias);
        units(row.description, target.Description);
        target.PhysicalAddressLength = row.mac.length;
        System.arraycopy(row.mac, 0, target.PhysicalAddress, 0, row.mac.length);
        System.arraycopy(row.mac, 0, target.PermanentPhysicalAddress, 0, row.mac.length);
        target.Mtu = row.mtu;
        target.Type = 6;
        target.InterfaceAndOperStatusFlags = (byte) row.flags;
        target.OperStatus = row.operStatus;
        target.AdminStatus = 1;
        target.InOctets = row.inOctets;
        target.InUcastPkts = row.inUcast;
        target.InNUcastPkts = row.inNUcast;
        target.OutOctets = row.outOctets;
        target.OutUcastPkts = row.outUcast;
        target.OutNUcastPkts = row.outNUcast;
        target.OutDiscards = row.outDiscards;
    }

    private static void units(String text, short[] target) {
        for (int i = 0; i < text.length(); i++) {
            target[i] = (short) text.charAt(i);
        }
    }

    // ---- ntdll ----

    private void wireNtDll() {
        doAnswer(call -> {
            if (failing.contains(NativeCall.RTL_GET_VERSION)) {
                return 0xC0000001;
            }
            RtlOsVersionInfoEx info = call.getArgument(0);
            if (info.dwOSVersionInfoSize != info.size()) {
                return 0xC000000D;
            }
            info.dwMajorVersion = major;
            info.dwMinorVersion = minor;
            info.dwBuildNumber = build;
            info.dwPlatformId = 2;
            info.wProductType = (byte) productType;
            return NtDllLibrary.STATUS_SUCCESS;
        }).when(ntDll).RtlGetVersion(any());
    }

    // ---- encodings ----

    private static byte[] sz(String text) {
        return text == null ? null : WideStrings.encode(text);
    }

    private static byte[] multiSz(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String value : values) {
            out.writeBytes(WideStrings.encode(value));
        }
        out.writeBytes(new byte[2]);
        return out.toByteArray();
    }
}
