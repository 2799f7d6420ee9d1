package io.sriovagent.windows.os;

import com.sun.jna.platform.win32.WinReg;
import io.sriovagent.host.ReadError;
import io.sriovagent.windows.jna.NativeCallException;
import io.sriovagent.windows.jna.NtDllLibrary;
import io.sriovagent.windows.jna.RegistryLibrary;
import io.sriovagent.windows.jna.RegistryValues;
import io.sriovagent.windows.jna.RtlOsVersionInfoEx;
import io.sriovagent.windows.jna.Win32Errors;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads the running version: {@code RtlGetVersion} for major.minor.build (the true values, whatever the JVM's
 * manifest says) and the registry's CurrentVersion key for the revision and the names.
 */
public final class OsVersionReader {

    public static final String OS = "os";
    public static final String REGISTRY = "registry";
    static final String CURRENT_VERSION_KEY = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private final NtDllLibrary ntDll;
    private final RegistryLibrary registryLibrary;
    private final RegistryValues registry;

    public OsVersionReader(NtDllLibrary ntDll, RegistryLibrary registry) {
        this.ntDll = ntDll;
        this.registryLibrary = registry;
        this.registry = new RegistryValues(registry);
    }

    /** The version; empty when RtlGetVersion failed. Registry failures only leave the names or revision out. */
    public Optional<WindowsVersion> read(Consumer<ReadError> errors) {
        RtlOsVersionInfoEx info = new RtlOsVersionInfoEx();
        int status = ntDll.RtlGetVersion(info);
        if (status != NtDllLibrary.STATUS_SUCCESS) {
            errors.accept(new ReadError(OS, "RtlGetVersion", "RtlGetVersion failed: " + Win32Errors.ntStatus(status)));
            return Optional.empty();
        }
        int ubr = -1;
        String productName = null;
        String displayVersion = null;
        WinReg.HKEYByReference keyRef = new WinReg.HKEYByReference();
        int rc = registryLibrary.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, CURRENT_VERSION_KEY, 0,
                RegistryLibrary.KEY_QUERY_VALUE | RegistryLibrary.KEY_WOW64_64KEY, keyRef);
        if (rc != RegistryLibrary.ERROR_SUCCESS) {
            errors.accept(new ReadError(REGISTRY, "HKLM\\" + CURRENT_VERSION_KEY,
                    "RegOpenKeyEx failed: " + Win32Errors.win32(rc)));
        } else {
            WinReg.HKEY key = keyRef.getValue();
            try {
                OptionalInt revision = registry.dword(key, "UBR");
                ubr = revision.orElse(-1);
                productName = registry.string(key, "ProductName").orElse(null);
                // DisplayVersion ("21H2") exists from 20H2 on; Server 2016/2019 only have ReleaseId ("1607").
                Optional<String> display = registry.string(key, "DisplayVersion");
                displayVersion = display.isPresent() ? display.get() : registry.string(key, "ReleaseId").orElse(null);
            } catch (NativeCallException e) {
                errors.accept(new ReadError(REGISTRY, "HKLM\\" + CURRENT_VERSION_KEY, e.getMessage()));
            } finally {
                registry.close(key);
            }
        }
        return Optional.of(new WindowsVersion(info.dwMajorVersion, info.dwMinorVersion, info.dwBuildNumber, ubr,
                info.wProductType == RtlOsVersionInfoEx.VER_NT_WORKSTATION, productName, displayVersion));
    }
}
