package io.sriovagent.windows.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RegistryValuesTest {

    private final RegistryLibrary library = mock(RegistryLibrary.class);
    private final RegistryValues values = new RegistryValues(library);
    private final WinReg.HKEY key = new WinReg.HKEY(new Pointer(0x10));

    /** Answers like RegQueryValueEx for a value whose content the test can change between calls. */
    private void value(String name, int type, AtomicReference<byte[]> content) {
        when(library.RegQueryValueEx(eq(key), eq(name), isNull(), any(), any(), any())).thenAnswer(call -> {
            byte[] bytes = content.get();
            ((IntByReference) call.getArgument(3)).setValue(type);
            IntByReference size = call.getArgument(5);
            int room = size.getValue();
            size.setValue(bytes.length);
            Pointer data = call.getArgument(4);
            if (data == null) {
                return 0;
            }
            if (room < bytes.length) {
                return RegistryLibrary.ERROR_MORE_DATA;
            }
            data.write(0, bytes, 0, bytes.length);
            return 0;
        });
    }

    @Test
    void readsAStringAfterAskingItsSize() throws Exception {
        value("NetCfgInstanceId", RegistryLibrary.REG_SZ,
                new AtomicReference<>(WideStrings.encode("{3D2C1B0A-9F8E-4D7C-8B6A-5F4E3D2C1B02}")));

        assertEquals(Optional.of("{3D2C1B0A-9F8E-4D7C-8B6A-5F4E3D2C1B02}"), values.string(key, "NetCfgInstanceId"));
    }

    @Test
    void readsAStringStoredWithoutNul() throws Exception {
        byte[] withNul = WideStrings.encode("Windows Server 2022 Datacenter");
        value("ProductName", RegistryLibrary.REG_SZ,
                new AtomicReference<>(java.util.Arrays.copyOf(withNul, withNul.length - 2)));

        assertEquals(Optional.of("Windows Server 2022 Datacenter"), values.string(key, "ProductName"));
    }

    @Test
    void rereadsAValueThatGrewBetweenTheTwoCalls() throws Exception {
        AtomicReference<byte[]> content = new AtomicReference<>(WideStrings.encode("21H2"));
        value("DisplayVersion", RegistryLibrary.REG_SZ, content);
        when(library.RegQueryValueEx(eq(key), eq("DisplayVersion"), isNull(), any(), isNull(), any()))
                .thenAnswer(call -> {
                    byte[] now = content.get();
                    ((IntByReference) call.getArgument(3)).setValue(RegistryLibrary.REG_SZ);
                    ((IntByReference) call.getArgument(5)).setValue(now.length);
                    content.set(WideStrings.encode("a much longer value"));
                    return 0;
                });

        assertEquals(Optional.of("a much longer value"), values.string(key, "DisplayVersion"));
    }

    @Test
    void missingValuesAreEmpty() throws Exception {
        when(library.RegQueryValueEx(eq(key), any(), isNull(), any(), any(), any()))
                .thenReturn(RegistryLibrary.ERROR_FILE_NOT_FOUND);

        assertEquals(Optional.empty(), values.string(key, "DisplayVersion"));
        assertEquals(OptionalInt.empty(), values.dword(key, "UBR"));
    }

    @Test
    void readsADword() throws Exception {
        value("UBR", RegistryLibrary.REG_DWORD, new AtomicReference<>(new byte[] {0x5F, 0x0A, 0, 0}));

        assertEquals(OptionalInt.of(2655), values.dword(key, "UBR"));
    }

    @Test
    void wrongTypeAndFailuresThrow() {
        value("UBR", RegistryLibrary.REG_SZ, new AtomicReference<>(WideStrings.encode("2655")));
        when(library.RegQueryValueEx(eq(key), eq("ProductName"), isNull(), any(), any(), any())).thenReturn(5);

        assertEquals("RegQueryValueEx(UBR) failed: unexpected value type 1",
                assertThrows(NativeCallException.class, () -> values.dword(key, "UBR")).getMessage());
        assertEquals("RegQueryValueEx(ProductName) failed: access denied (Win32 error 5)",
                assertThrows(NativeCallException.class, () -> values.string(key, "ProductName")).getMessage());
    }
}
