package io.sriovagent.windows.jna;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;
import java.util.OptionalInt;

/** Typed reads of registry values through {@link RegistryLibrary}: absent values are empty, failures throw. */
public final class RegistryValues {

    /** Registry strings the agent reads are GUIDs and product names; anything larger is not what we look for. */
    private static final int MAX_STRING_BYTES = 64 * 1024;

    private final RegistryLibrary registry;

    public RegistryValues(RegistryLibrary registry) {
        this.registry = registry;
    }

    /** A REG_SZ (or REG_EXPAND_SZ, unexpanded) value; empty when the value does not exist. */
    public Optional<String> string(WinReg.HKEY key, String name) throws NativeCallException {
        // Ask for the size first, then read; a value that grows in between is read again once.
        for (int attempt = 0; attempt < 2; attempt++) {
            IntByReference type = new IntByReference();
            IntByReference bytes = new IntByReference();
            int rc = registry.RegQueryValueEx(key, name, null, type, null, bytes);
            if (rc == RegistryLibrary.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            check(rc, name);
            requireType(type.getValue(), name, RegistryLibrary.REG_SZ, RegistryLibrary.REG_EXPAND_SZ);
            int size = bytes.getValue();
            if (size < 0 || size > MAX_STRING_BYTES) {
                throw new NativeCallException("RegQueryValueEx(" + name + ")", "implausible size " + size);
            }
            // Two spare bytes: REG_SZ data is not guaranteed to carry its terminating NUL.
            Memory data = new Memory(size + 2L);
            data.clear();
            bytes.setValue(size);
            rc = registry.RegQueryValueEx(key, name, null, type, data, bytes);
            if (rc == RegistryLibrary.ERROR_MORE_DATA) {
                continue;
            }
            check(rc, name);
            return Optional.of(WideStrings.read(data, Math.min(bytes.getValue(), size)));
        }
        throw new NativeCallException("RegQueryValueEx(" + name + ")", "the value kept growing");
    }

    /** A REG_DWORD value; empty when the value does not exist. */
    public OptionalInt dword(WinReg.HKEY key, String name) throws NativeCallException {
        IntByReference type = new IntByReference();
        IntByReference bytes = new IntByReference(4);
        Memory data = new Memory(4);
        data.clear();
        int rc = registry.RegQueryValueEx(key, name, null, type, data, bytes);
        if (rc == RegistryLibrary.ERROR_FILE_NOT_FOUND) {
            return OptionalInt.empty();
        }
        if (rc == RegistryLibrary.ERROR_SUCCESS || rc == RegistryLibrary.ERROR_MORE_DATA) {
            // A value of another type that does not fit 4 bytes answers "more data": name the real problem.
            requireType(type.getValue(), name, RegistryLibrary.REG_DWORD, RegistryLibrary.REG_DWORD);
        }
        check(rc, name);
        return OptionalInt.of(data.getInt(0));
    }

    public void close(WinReg.HKEY key) {
        // Nothing useful can be done when closing fails; the handle is lost either way.
        registry.RegCloseKey(key);
    }

    private static void check(int rc, String name) throws NativeCallException {
        if (rc != RegistryLibrary.ERROR_SUCCESS) {
            throw new NativeCallException("RegQueryValueEx(" + name + ")", Win32Errors.win32(rc));
        }
    }

    private static void requireType(int type, String name, int expected, int alsoAccepted)
            throws NativeCallException {
        if (type != expected && type != alsoAccepted) {
            throw new NativeCallException("RegQueryValueEx(" + name + ")", "unexpected value type " + type);
        }
    }
}
