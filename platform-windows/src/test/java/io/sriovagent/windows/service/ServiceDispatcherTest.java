package io.sriovagent.windows.service;

import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_ACCEPT_SHUTDOWN;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_ACCEPT_STOP;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONTROL_STOP;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_RUNNING;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_START_PENDING;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_STOPPED;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_STOP_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.service.ServiceBody;
import io.sriovagent.service.ServiceException;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The dispatcher against a mocked SCM that starts the service on its own thread, then stops it. */
class ServiceDispatcherTest {

    private final ServiceControlLibrary library = mock(ServiceControlLibrary.class);
    private final List<RecordedStatus> reported = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Integer> exits = new ArrayList<>();
    private final Winsvc.HandlerEx[] handler = new Winsvc.HandlerEx[1];
    private int lastError;

    ServiceDispatcherTest() {
        when(library.SetServiceStatus(any(), any())).thenAnswer(call -> {
            reported.add(RecordedStatus.of(call.getArgument(1)));
            return true;
        });
        when(library.RegisterServiceCtrlHandlerEx(eq("sriov-agent"), any(), isNull())).thenAnswer(call -> {
            handler[0] = call.getArgument(1);
            return new Winsvc.SERVICE_STATUS_HANDLE(new Pointer(0x42));
        });
    }

    private final ServiceBody body = new ServiceBody() {
        @Override
        public void start() {
            events.add("start");
        }

        @Override
        public void stop(Duration drainWithin) {
            events.add("stop");
        }
    };

    /** What the SCM does: ServiceMain on a thread of its own, later a stop control on the dispatcher thread. */
    private void scmStartsThenStops() {
        when(library.StartServiceCtrlDispatcher(any())).thenAnswer(call -> {
            Winsvc.SERVICE_TABLE_ENTRY[] table = call.getArgument(0);
            assertEquals("sriov-agent", table[0].lpServiceName);
            assertNull(table[1].lpServiceProc, "the table ends with an empty entry");
            Thread serviceMain = new Thread(() -> table[0].lpServiceProc.callback(1, null));
            serviceMain.start();
            serviceMain.join();
            if (handler[0] != null && reported.get(reported.size() - 1).state() == SERVICE_RUNNING) {
                assertEquals(0, handler[0].callback(SERVICE_CONTROL_STOP, 0, null, null));
            }
            return true;
        });
    }

    private ServiceDispatcher dispatcher() {
        return new ServiceDispatcher(library, () -> lastError, exits::add);
    }

    private ServiceLifecycle lifecycle(ServiceBody serviceBody) {
        return new ServiceLifecycle(serviceBody, tick -> () -> { }, Runnable::run);
    }

    @Test
    void runsTheServiceFromStartToStop() throws Exception {
        scmStartsThenStops();

        dispatcher().run("sriov-agent", lifecycle(body));

        assertEquals(List.of(SERVICE_START_PENDING, SERVICE_RUNNING, SERVICE_STOP_PENDING, SERVICE_STOPPED),
                reported.stream().map(RecordedStatus::state).toList());
        assertEquals(SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN, reported.get(1).accepted());
        assertEquals(List.of("start", "stop"), events);
        assertEquals(List.of(), exits);
    }

    @Test
    void failedStartIsReportedToTheCallerAfterTheScmLetsGo() {
        scmStartsThenStops();
        ServiceLifecycle failing = lifecycle(new ServiceBody() {
            @Override
            public void start() throws Exception {
                throw new IllegalStateException("no platform probe for this OS");
            }

            @Override
            public void stop(Duration drainWithin) {
                events.add("stop");
            }
        });

        ServiceException e = assertThrows(ServiceException.class, () -> dispatcher().run("sriov-agent", failing));

        assertEquals("the service failed to start: no platform probe for this OS", e.getMessage());
        assertEquals(new RecordedStatus(SERVICE_STOPPED, 0, 1066, 1, 0, 0), reported.get(reported.size() - 1));
        assertEquals(List.of(), events);
    }

    @Test
    void runFromAConsoleExplainsWhatToDoInstead() {
        when(library.StartServiceCtrlDispatcher(any())).thenReturn(false);
        lastError = ServiceControlLibrary.ERROR_FAILED_SERVICE_CONTROLLER_CONNECT;

        ServiceException e = assertThrows(ServiceException.class,
                () -> dispatcher().run("sriov-agent", lifecycle(body)));

        assertEquals("'service run' only works when Windows starts the service; use 'Start-Service sriov-agent', "
                + "or 'sriov-agent run' in a console", e.getMessage());
        assertEquals(List.of(), events);
    }

    @Test
    void otherDispatcherFailuresNameTheError() {
        when(library.StartServiceCtrlDispatcher(any())).thenReturn(false);
        lastError = 87;

        ServiceException e = assertThrows(ServiceException.class,
                () -> dispatcher().run("sriov-agent", lifecycle(body)));

        assertEquals("StartServiceCtrlDispatcher failed: invalid parameter (Win32 error 87)", e.getMessage());
    }

    @Test
    void withoutAControlHandlerTheProcessExits() throws Exception {
        when(library.RegisterServiceCtrlHandlerEx(any(), any(), any())).thenReturn(null);
        scmStartsThenStops();

        dispatcher().run("sriov-agent", lifecycle(body));

        assertEquals(List.of(1), exits);
        assertEquals(List.of(), events, "the body never starts");
        assertEquals(List.of(), reported);
    }
}
