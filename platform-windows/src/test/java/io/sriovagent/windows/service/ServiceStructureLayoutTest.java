package io.sriovagent.windows.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Winsvc;
import java.lang.reflect.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The x64 layout (winsvc.h) of the service structures the agent passes to advapi32, and their contents. */
class ServiceStructureLayoutTest {

    @BeforeAll
    static void requires64BitJvm() {
        assertEquals(8, Native.POINTER_SIZE, "the layouts below are the x64 ones");
    }

    static int offset(Structure structure, String field) {
        try {
            Method method = Structure.class.getDeclaredMethod("fieldOffset", String.class);
            method.setAccessible(true);
            return (int) method.invoke(structure, field);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serviceStatusIsSevenDwords() {
        Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
        assertEquals(28, status.size());
        String[] fields = {"dwServiceType", "dwCurrentState", "dwControlsAccepted", "dwWin32ExitCode",
                "dwServiceSpecificExitCode", "dwCheckPoint", "dwWaitHint"};
        for (int i = 0; i < fields.length; i++) {
            assertEquals(i * 4, offset(status, fields[i]), fields[i]);
        }
    }

    @Test
    void serviceTableEntryIsTwoPointersAndTheTableEndsWithAZeroEntry() {
        Winsvc.SERVICE_TABLE_ENTRY entry = new Winsvc.SERVICE_TABLE_ENTRY();
        assertEquals(16, entry.size());
        assertEquals(0, offset(entry, "lpServiceName"));
        assertEquals(8, offset(entry, "lpServiceProc"));

        Winsvc.SERVICE_MAIN_FUNCTION serviceMain = (argc, argv) -> { };
        Winsvc.SERVICE_TABLE_ENTRY[] table = ServiceDispatcher.table("sriov-agent", serviceMain);
        assertEquals("sriov-agent", table[0].lpServiceName);
        assertSame(serviceMain, table[0].lpServiceProc);
        assertNull(table[1].lpServiceName);
        assertNull(table[1].lpServiceProc);

        // A stdcall callback stub can only be created on Windows ("Invalid calling convention" elsewhere), so the
        // memory check below runs with the function pointer left out.
        table[0].lpServiceProc = null;
        table[0].write();
        table[1].write();
        Pointer memory = table[0].getPointer();
        assertEquals(memory.share(16), table[1].getPointer(), "the entries are contiguous");
        assertNotEquals(0L, memory.getLong(0), "service name");
        assertEquals(0L, memory.getLong(16), "terminating entry: no name");
        assertEquals(0L, memory.getLong(24), "terminating entry: no function");
    }

    @Test
    void failureActionsLayout() {
        Winsvc.SERVICE_FAILURE_ACTIONS actions = new Winsvc.SERVICE_FAILURE_ACTIONS();
        assertEquals(40, actions.size());
        assertEquals(0, offset(actions, "dwResetPeriod"));
        assertEquals(8, offset(actions, "lpRebootMsg"));
        assertEquals(16, offset(actions, "lpCommand"));
        assertEquals(24, offset(actions, "cActions"));
        assertEquals(32, offset(actions, "lpsaActions"));

        Winsvc.SC_ACTION action = new Winsvc.SC_ACTION();
        assertEquals(8, action.size());
        assertEquals(0, offset(action, "type"));
        assertEquals(4, offset(action, "delay"));
    }

    @Test
    void failureActionsMarshalThreeRestartsAndADayResetPeriod() {
        Winsvc.SERVICE_FAILURE_ACTIONS actions = ServiceInstaller.failureActions();
        actions.write();
        Pointer memory = actions.getPointer();

        assertEquals(86_400, memory.getInt(0), "reset period in seconds");
        assertEquals(0L, memory.getLong(8), "no reboot message");
        assertEquals(0L, memory.getLong(16), "no command");
        assertEquals(3, memory.getInt(24));
        Pointer array = memory.getPointer(32);
        int[] expected = {1, 10_000, 1, 30_000, 1, 60_000};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], array.getInt(i * 4L), "SC_ACTION int " + i);
        }
    }

    @Test
    void descriptionAndFlagLayouts() {
        assertEquals(8, new Winsvc.SERVICE_DESCRIPTION().size());
        assertEquals(4, new Winsvc.SERVICE_FAILURE_ACTIONS_FLAG().size());
    }
}
