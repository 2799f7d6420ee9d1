package io.sriovagent.windows.service;

import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONFIG_DESCRIPTION;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONFIG_FAILURE_ACTIONS;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONFIG_FAILURE_ACTIONS_FLAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.service.ServiceDefinition;
import io.sriovagent.service.ServiceException;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInstallerTest {

    private static final ServiceDefinition DEFINITION = new ServiceDefinition("sriov-agent",
            "SR-IOV accelerated networking agent", "Proves that Azure Accelerated Networking works on this VM.",
            List.of("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", "-Xrs", "-jar",
                    "C:\\Program Files\\sriov-agent\\sriov-agent.jar", "service", "run", "--config",
                    "C:\\Program Files\\sriov-agent\\config.json"));

    private final ServiceControlLibrary library = mock(ServiceControlLibrary.class);
    private final Winsvc.SC_HANDLE manager = handle(1);
    private final Winsvc.SC_HANDLE service = handle(2);
    private final List<Winsvc.ChangeServiceConfig2Info> configs = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Deque<Integer> states = new ArrayDeque<>();
    private int lastError;

    private static Winsvc.SC_HANDLE handle(long value) {
        Winsvc.SC_HANDLE handle = new Winsvc.SC_HANDLE();
        handle.setPointer(new Pointer(value));
        return handle;
    }

    ServiceInstallerTest() {
        when(library.OpenSCManager(isNull(), isNull(), anyInt())).thenReturn(manager);
        when(library.CreateService(any(), any(), any(), anyInt(), anyInt(), anyInt(), anyInt(), any(), any(), any(),
                any(), any(), any())).thenReturn(service);
        when(library.OpenService(eq(manager), eq("sriov-agent"), anyInt())).thenReturn(service);
        when(library.ChangeServiceConfig2(eq(service), anyInt(), any())).thenAnswer(call -> {
            configs.add(call.getArgument(2));
            return true;
        });
        when(library.ControlService(eq(service), eq(ServiceControlLibrary.SERVICE_CONTROL_STOP), any()))
                .thenReturn(true);
        when(library.QueryServiceStatus(eq(service), any())).thenAnswer(call -> {
            ((Winsvc.SERVICE_STATUS) call.getArgument(1)).dwCurrentState =
                    states.size() > 1 ? states.poll() : states.peek();
            return true;
        });
        when(library.DeleteService(service)).thenReturn(true);
        when(library.CloseServiceHandle(any())).thenReturn(true);
    }

    private ServiceInstaller installer() {
        return new ServiceInstaller(library, () -> lastError, sleeps::add, Duration.ofSeconds(30));
    }

    private void verifyHandlesClosed() {
        verify(library).CloseServiceHandle(service);
        verify(library).CloseServiceHandle(manager);
    }

    @Test
    void installsAnAutoStartServiceRunningAsLocalServiceWithRecoveryActions() throws Exception {
        installer().install(DEFINITION);

        verify(library).OpenSCManager(null, null,
                ServiceControlLibrary.SC_MANAGER_CONNECT | ServiceControlLibrary.SC_MANAGER_CREATE_SERVICE);
        verify(library).CreateService(manager, "sriov-agent", "SR-IOV accelerated networking agent",
                ServiceControlLibrary.SERVICE_ALL_ACCESS, 0x10, 2, 1,
                "\"C:\\Program Files\\Java\\jdk-17\\bin\\java.exe\" -Xrs -jar "
                        + "\"C:\\Program Files\\sriov-agent\\sriov-agent.jar\" service run --config "
                        + "\"C:\\Program Files\\sriov-agent\\config.json\"",
                null, null, null, "NT AUTHORITY\\LocalService", null);
        verify(library).ChangeServiceConfig2(eq(service), eq(SERVICE_CONFIG_DESCRIPTION), any());
        verify(library).ChangeServiceConfig2(eq(service), eq(SERVICE_CONFIG_FAILURE_ACTIONS), any());
        verify(library).ChangeServiceConfig2(eq(service), eq(SERVICE_CONFIG_FAILURE_ACTIONS_FLAG), any());
        assertEquals("Proves that Azure Accelerated Networking works on this VM.",
                ((Winsvc.SERVICE_DESCRIPTION) configs.get(0)).lpDescription);
        Winsvc.SERVICE_FAILURE_ACTIONS actions = (Winsvc.SERVICE_FAILURE_ACTIONS) configs.get(1);
        assertEquals(86_400, actions.dwResetPeriod);
        assertEquals(3, actions.cActions);
        Winsvc.SC_ACTION[] restarts = (Winsvc.SC_ACTION[]) actions.lpsaActions.toArray(3);
        assertEquals(List.of(10_000, 30_000, 60_000), List.of(restarts[0].delay, restarts[1].delay, restarts[2].delay));
        assertEquals(List.of(1, 1, 1), List.of(restarts[0].type, restarts[1].type, restarts[2].type));
        assertEquals(1, ((Winsvc.SERVICE_FAILURE_ACTIONS_FLAG) configs.get(2)).fFailureActionsOnNonCrashFailures);
        verify(library, never()).DeleteService(any());
        verifyHandlesClosed();
    }

    @Test
    void anExistingServiceIsNotOverwritten() {
        when(library.CreateService(any(), any(), any(), anyInt(), anyInt(), anyInt(), anyInt(), any(), any(), any(),
                any(), any(), any())).thenReturn(null);
        lastError = ServiceControlLibrary.ERROR_SERVICE_EXISTS;

        ServiceException e = assertThrows(ServiceException.class, () -> installer().install(DEFINITION));

        assertEquals("service 'sriov-agent' exists already; run 'sriov-agent service uninstall' first", e.getMessage());
        verify(library).CloseServiceHandle(manager);
    }

    @Test
    void withoutAdministratorRightsSaysSo() {
        when(library.OpenSCManager(isNull(), isNull(), anyInt())).thenReturn(null);
        lastError = ServiceControlLibrary.ERROR_ACCESS_DENIED;

        ServiceException e = assertThrows(ServiceException.class, () -> installer().install(DEFINITION));

        assertEquals("opening the Service Control Manager failed: access denied (Win32 error 5); run it as "
                + "Administrator", e.getMessage());
    }

    @Test
    void aServiceWithoutRecoveryActionsIsRolledBack() {
        when(library.ChangeServiceConfig2(eq(service), eq(SERVICE_CONFIG_FAILURE_ACTIONS), any())).thenReturn(false);
        lastError = 87;

        ServiceException e = assertThrows(ServiceException.class, () -> installer().install(DEFINITION));

        assertEquals("setting the service's recovery actions failed: invalid parameter (Win32 error 87)",
                e.getMessage());
        verify(library).DeleteService(service);
        verifyHandlesClosed();
    }

    @Test
    void uninstallStopsTheServiceWaitsForItThenDeletesIt() throws Exception {
        states.addAll(List.of(ServiceControlLibrary.SERVICE_STOP_PENDING, ServiceControlLibrary.SERVICE_STOP_PENDING,
                ServiceControlLibrary.SERVICE_STOPPED));

        installer().uninstall("sriov-agent");

        verify(library).OpenService(manager, "sriov-agent", ServiceControlLibrary.SERVICE_STOP
                | ServiceControlLibrary.SERVICE_QUERY_STATUS | ServiceControlLibrary.DELETE);
        verify(library).ControlService(eq(service), eq(ServiceControlLibrary.SERVICE_CONTROL_STOP), any());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), sleeps);
        verify(library).DeleteService(service);
        verifyHandlesClosed();
    }

    @Test
    void uninstallOfAStoppedServiceDeletesItAtOnce() throws Exception {
        when(library.ControlService(any(), anyInt(), any())).thenReturn(false);
        lastError = ServiceControlLibrary.ERROR_SERVICE_NOT_ACTIVE;

        installer().uninstall("sriov-agent");

        verify(library, never()).QueryServiceStatus(any(), any());
        verify(library).DeleteService(service);
    }

    @Test
    void uninstallOfAMissingServiceSaysItIsNotInstalled() {
        when(library.OpenService(any(), any(), anyInt())).thenReturn(null);
        lastError = ServiceControlLibrary.ERROR_SERVICE_DOES_NOT_EXIST;

        ServiceException e = assertThrows(ServiceException.class, () -> installer().uninstall("sriov-agent"));

        assertEquals("service 'sriov-agent' is not installed", e.getMessage());
        verify(library).CloseServiceHandle(manager);
    }

    @Test
    void aServiceThatDoesNotStopIsStillMarkedForDeletion() {
        states.add(ServiceControlLibrary.SERVICE_STOP_PENDING);

        ServiceException e = assertThrows(ServiceException.class, () -> installer().uninstall("sriov-agent"));

        assertEquals("service 'sriov-agent' did not stop within 30 s; it is marked for deletion and goes away when "
                + "it stops", e.getMessage());
        assertEquals(61, sleeps.size(), "30 s of 500 ms polls");
        verify(library).DeleteService(service);
        verifyHandlesClosed();
    }

    @Test
    void aServiceAlreadyMarkedForDeletionIsFine() throws Exception {
        states.add(ServiceControlLibrary.SERVICE_STOPPED);
        when(library.DeleteService(service)).thenReturn(false);
        lastError = ServiceControlLibrary.ERROR_SERVICE_MARKED_FOR_DELETE;

        installer().uninstall("sriov-agent");

        verifyHandlesClosed();
    }
}
