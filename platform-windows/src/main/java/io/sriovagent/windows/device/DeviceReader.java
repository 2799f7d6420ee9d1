package io.sriovagent.windows.device;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import io.sriovagent.host.ReadError;
import io.sriovagent.windows.jna.CfgMgr32Library;
import io.sriovagent.windows.jna.LastError;
import io.sriovagent.windows.jna.NativeCallException;
import io.sriovagent.windows.jna.RegistryLibrary;
import io.sriovagent.windows.jna.RegistryValues;
import io.sriovagent.windows.jna.SetupApiLibrary;
import io.sriovagent.windows.jna.SpDevinfoData;
import io.sriovagent.windows.jna.Win32Errors;
import io.sriovagent.windows.jna.WideStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the present network adapters and VF PCI devices through SetupAPI and CfgMgr32. Every failed call
 * becomes a {@link ReadError} (source {@code setupapi}, {@code cfgmgr32} or {@code registry}) and the read goes
 * on with what it has; every device information set it opens is destroyed.
 */
public final class DeviceReader {

    public static final String SETUPAPI = "setupapi";
    public static final String CFGMGR32 = "cfgmgr32";
    public static final String REGISTRY = "registry";

    /** Device properties are short strings; a larger size means a broken answer, not a bigger buffer. */
    private static final int MAX_PROPERTY_BYTES = 64 * 1024;
    /** A bus has a handful of children; the bound only guards against a device tree that loops. */
    private static final int MAX_CHILDREN = 256;
    /** Far more devices than any VM has; the bound only guards against an enumeration that never ends. */
    private static final int MAX_MEMBERS = 10_000;

    private final SetupApiLibrary setupApi;
    private final CfgMgr32Library cfgMgr;
    private final RegistryValues registry;
    private final LastError lastError;

    public DeviceReader(SetupApiLibrary setupApi, CfgMgr32Library cfgMgr, RegistryLibrary registry,
                        LastError lastError) {
        this.setupApi = setupApi;
        this.cfgMgr = cfgMgr;
        this.registry = new RegistryValues(registry);
        this.lastError = lastError;
    }

    public DeviceInventory read(Consumer<ReadError> errors) {
        List<DeviceNode> adapters = new ArrayList<>();
        enumerate(new Guid.GUID(SetupApiLibrary.GUID_DEVCLASS_NET), null, SetupApiLibrary.DIGCF_PRESENT,
                "network adapters", errors, (set, member) -> readAdapter(set, member, errors).ifPresent(adapters::add));
        List<VfDevice> vfs = new ArrayList<>();
        enumerate(null, "PCI", SetupApiLibrary.DIGCF_PRESENT | SetupApiLibrary.DIGCF_ALLCLASSES,
                "PCI devices", errors, (set, member) -> readVf(set, member, errors).ifPresent(vfs::add));
        return new DeviceInventory(adapters, vfs);
    }

    @FunctionalInterface
    private interface MemberReader {
        void read(WinNT.HANDLE set, Member member);
    }

    /** One member of a device information set, identified by its instance ID. */
    private record Member(SpDevinfoData data, String instanceId) {
        int devInst() {
            return data.DevInst;
        }
    }

    private void enumerate(Guid.GUID classGuid, String enumerator, int flags, String what,
                           Consumer<ReadError> errors, MemberReader reader) {
        WinNT.HANDLE set = setupApi.SetupDiGetClassDevs(classGuid, enumerator, null, flags);
        if (SetupApiLibrary.isInvalid(set)) {
            errors.accept(new ReadError(SETUPAPI, what,
                    "SetupDiGetClassDevs failed: " + Win32Errors.win32(lastError.get())));
            return;
        }
        try {
            for (int index = 0; index < MAX_MEMBERS; index++) {
                SpDevinfoData data = new SpDevinfoData();
                if (!setupApi.SetupDiEnumDeviceInfo(set, index, data)) {
                    int error = lastError.get();
                    if (error != SetupApiLibrary.ERROR_NO_MORE_ITEMS) {
                        errors.accept(new ReadError(SETUPAPI, what,
                                "SetupDiEnumDeviceInfo(" + index + ") failed: " + Win32Errors.win32(error)));
                    }
                    return;
                }
                try {
                    reader.read(set, new Member(data, deviceId(data.DevInst)));
                } catch (NativeCallException e) {
                    errors.accept(new ReadError(CFGMGR32, what + " #" + index, e.getMessage()));
                } catch (RuntimeException e) {
                    // One odd device costs its own entry, not the whole list: an empty list would read as
                    // "no synthetic NIC" and turn the host Unhealthy.
                    errors.accept(new ReadError(SETUPAPI, what + " #" + index, "unexpected failure: " + e));
                }
            }
        } finally {
            setupApi.SetupDiDestroyDeviceInfoList(set);
        }
    }

    private Optional<DeviceNode> readAdapter(WinNT.HANDLE set, Member member, Consumer<ReadError> errors) {
        Optional<DevNodeStatus> status = status(member.devInst(), member.instanceId(), errors);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceNode(member.instanceId(),
                multiProperty(set, member, SetupApiLibrary.SPDRP_HARDWAREID, "hardware IDs", errors),
                property(set, member, SetupApiLibrary.SPDRP_SERVICE, "service", errors),
                property(set, member, SetupApiLibrary.SPDRP_DEVICEDESC, "description", errors),
                property(set, member, SetupApiLibrary.SPDRP_FRIENDLYNAME, "friendly name", errors),
                netCfgInstanceId(set, member, errors),
                status.get()));
    }

    private Optional<VfDevice> readVf(WinNT.HANDLE set, Member member, Consumer<ReadError> errors) {
        List<String> hardwareIds = multiProperty(set, member, SetupApiLibrary.SPDRP_HARDWAREID, "hardware IDs",
                errors);
        Optional<VfHardware> hardware = VfHardware.match(hardwareIds);
        if (hardware.isEmpty()) {
            return Optional.empty();
        }
        Optional<DevNodeStatus> status = status(member.devInst(), member.instanceId(), errors);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        DeviceNode node = new DeviceNode(member.instanceId(), hardwareIds,
                property(set, member, SetupApiLibrary.SPDRP_SERVICE, "service", errors),
                property(set, member, SetupApiLibrary.SPDRP_DEVICEDESC, "description", errors),
                property(set, member, SetupApiLibrary.SPDRP_FRIENDLYNAME, "friendly name", errors),
                null, status.get());
        List<ChildDevice> children = new ArrayList<>();
        boolean complete = readChildren(member.devInst(), member.instanceId(), children, errors);
        return Optional.of(new VfDevice(node, hardware.get(), children, complete));
    }

    /** The device's status; empty when the device has gone (left mid-read, or a ghost). */
    private Optional<DevNodeStatus> status(int devInst, String instanceId, Consumer<ReadError> errors) {
        IntByReference flags = new IntByReference();
        IntByReference problem = new IntByReference();
        int cr = cfgMgr.CM_Get_DevNode_Status(flags, problem, devInst, 0);
        if (cr == CfgMgr32Library.CR_NO_SUCH_DEVNODE) {
            return Optional.empty();
        }
        if (cr != CfgMgr32Library.CR_SUCCESS) {
            String message = "CM_Get_DevNode_Status failed: " + Win32Errors.configRet(cr);
            errors.accept(new ReadError(CFGMGR32, instanceId, message));
            return Optional.of(DevNodeStatus.unreadable(message));
        }
        DevNodeStatus status = DevNodeStatus.of(flags.getValue(), problem.getValue());
        return status.phantom() ? Optional.empty() : Optional.of(status);
    }

    private String deviceId(int devInst) throws NativeCallException {
        int chars = CfgMgr32Library.MAX_DEVICE_ID_LEN + 1;
        Memory buffer = new Memory(chars * 2L);
        buffer.clear();
        int cr = cfgMgr.CM_Get_Device_ID(devInst, buffer, chars, 0);
        if (cr != CfgMgr32Library.CR_SUCCESS) {
            throw new NativeCallException("CM_Get_Device_ID", Win32Errors.configRet(cr));
        }
        return WideStrings.read(buffer, chars * 2);
    }

    /**
     * Adds the present children of a bus device; false when the walk failed part-way (the error is recorded).
     */
    private boolean readChildren(int devInst, String parentId, List<ChildDevice> children,
                                 Consumer<ReadError> errors) {
        boolean complete = true;
        IntByReference next = new IntByReference();
        String call = "CM_Get_Child";
        int cr = cfgMgr.CM_Get_Child(next, devInst, 0);
        for (int visited = 0; cr == CfgMgr32Library.CR_SUCCESS && visited < MAX_CHILDREN; visited++) {
            int child = next.getValue();
            try {
                String childId = deviceId(child);
                status(child, childId, errors).ifPresent(status -> children.add(new ChildDevice(childId, status)));
            } catch (NativeCallException e) {
                errors.accept(new ReadError(CFGMGR32, parentId, "child device: " + e.getMessage()));
                complete = false;
            }
            call = "CM_Get_Sibling";
            cr = cfgMgr.CM_Get_Sibling(next, child, 0);
        }
        if (cr != CfgMgr32Library.CR_SUCCESS && cr != CfgMgr32Library.CR_NO_SUCH_DEVNODE) {
            errors.accept(new ReadError(CFGMGR32, parentId, call + " failed: " + Win32Errors.configRet(cr)));
            complete = false;
        }
        return complete;
    }

    private String netCfgInstanceId(WinNT.HANDLE set, Member member, Consumer<ReadError> errors) {
        Pointer handle = setupApi.SetupDiOpenDevRegKey(set, member.data(), SetupApiLibrary.DICS_FLAG_GLOBAL, 0,
                SetupApiLibrary.DIREG_DRV, RegistryLibrary.KEY_QUERY_VALUE);
        if (SetupApiLibrary.isInvalid(handle)) {
            errors.accept(new ReadError(SETUPAPI, member.instanceId(),
                    "SetupDiOpenDevRegKey(driver key) failed: " + Win32Errors.win32(lastError.get())));
            return null;
        }
        WinReg.HKEY key = new WinReg.HKEY(handle);
        try {
            Optional<String> id = registry.string(key, "NetCfgInstanceId");
            if (id.isEmpty()) {
                // A network adapter whose driver is not installed has no NetCfgInstanceId and no interface.
                return null;
            }
            return id.get().trim().toLowerCase(Locale.ROOT);
        } catch (NativeCallException e) {
            errors.accept(new ReadError(REGISTRY, member.instanceId(), e.getMessage()));
            return null;
        } finally {
            registry.close(key);
        }
    }

    private String property(WinNT.HANDLE set, Member member, int property, String name,
                            Consumer<ReadError> errors) {
        try {
            return rawProperty(set, member, property, name)
                    .map(value -> WideStrings.read(value.memory(), value.bytes()))
                    .filter(value -> !value.isEmpty())
                    .orElse(null);
        } catch (NativeCallException e) {
            errors.accept(new ReadError(SETUPAPI, member.instanceId(), e.getMessage()));
            return null;
        }
    }

    private List<String> multiProperty(WinNT.HANDLE set, Member member, int property, String name,
                                       Consumer<ReadError> errors) {
        try {
            return rawProperty(set, member, property, name)
                    .map(value -> WideStrings.readMulti(value.memory(), value.bytes()))
                    .orElse(List.of());
        } catch (NativeCallException e) {
            errors.accept(new ReadError(SETUPAPI, member.instanceId(), e.getMessage()));
            return List.of();
        }
    }

    private record PropertyValue(Memory memory, int bytes) {
    }

    /** The property's bytes; empty when the device does not have the property (ERROR_INVALID_DATA). */
    private Optional<PropertyValue> rawProperty(WinNT.HANDLE set, Member member, int property, String name)
            throws NativeCallException {
        String call = "SetupDiGetDeviceRegistryProperty(" + name + ")";
        IntByReference type = new IntByReference();
        IntByReference required = new IntByReference();
        if (setupApi.SetupDiGetDeviceRegistryProperty(set, member.data(), property, type, null, 0, required)) {
            return Optional.empty();
        }
        int error = lastError.get();
        if (error == SetupApiLibrary.ERROR_INVALID_DATA) {
            return Optional.empty();
        }
        if (error != SetupApiLibrary.ERROR_INSUFFICIENT_BUFFER) {
            throw new NativeCallException(call, Win32Errors.win32(error));
        }
        int size = required.getValue();
        if (size <= 0 || size > MAX_PROPERTY_BYTES) {
            throw new NativeCallException(call, "implausible size " + size);
        }
        // Two spare zero bytes: the terminating NUL is then there even if the stored value lacks it.
        Memory buffer = new Memory(size + 2L);
        buffer.clear();
        if (!setupApi.SetupDiGetDeviceRegistryProperty(set, member.data(), property, type, buffer, size,
                required)) {
            throw new NativeCallException(call, Win32Errors.win32(lastError.get()));
        }
        return Optional.of(new PropertyValue(buffer, size + 2));
    }
}
