package io.sriovagent.windows.service;

import static io.sriovagent.windows.jna.ServiceControlLibrary.ERROR_CALL_NOT_IMPLEMENTED;
import static io.sriovagent.windows.jna.ServiceControlLibrary.NO_ERROR;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_ACCEPT_SHUTDOWN;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_ACCEPT_STOP;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONTROL_INTERROGATE;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONTROL_SHUTDOWN;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_CONTROL_STOP;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_RUNNING;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_START_PENDING;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_STOPPED;
import static io.sriovagent.windows.jna.ServiceControlLibrary.SERVICE_STOP_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.service.ServiceBody;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ServiceLifecycleTest {

    private static final RecordedStatus RUNNING =
            new RecordedStatus(SERVICE_RUNNING, SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN, 0, 0, 0, 0);
    private static final RecordedStatus STOPPED = new RecordedStatus(SERVICE_STOPPED, 0, 0, 0, 0, 0);

    private final List<RecordedStatus> reported = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final ManualProgress progress = new ManualProgress();
    private final List<Runnable> stopTasks = new ArrayList<>();
    private final ServiceStatusReporter reporter;

    ServiceLifecycleTest() {
        ServiceControlLibrary library = mock(ServiceControlLibrary.class);
        when(library.SetServiceStatus(any(), any())).thenAnswer(call -> {
            reported.add(RecordedStatus.of(call.getArgument(1)));
            return true;
        });
        reporter = new ServiceStatusReporter(library, new Winsvc.SERVICE_STATUS_HANDLE(new Pointer(0x42)), () -> 0);
    }

    /** Ticks only when the test says so; records whether a ticker is active. */
    static final class ManualProgress implements PendingProgress {
        Runnable tick;

        @Override
        public Ticking every(Runnable newTick) {
            tick = newTick;
            return () -> tick = null;
        }

        void tick() {
            if (tick != null) {
                tick.run();
            }
        }
    }

    private class RecordingBody implements ServiceBody {
        @Override
        public void start() throws Exception {
            events.add("start");
        }

        @Override
        public void stop(Duration drainWithin) {
            events.add("stop " + drainWithin.toSeconds() + "s");
        }
    }

    private ServiceLifecycle lifecycle(ServiceBody body, Executor stopExecutor) {
        return new ServiceLifecycle(body, progress, stopExecutor);
    }

    private static RecordedStatus startPending(int checkPoint) {
        return RecordedStatus.pending(SERVICE_START_PENDING, checkPoint, ServiceLifecycle.START_WAIT_HINT_MILLIS);
    }

    private static RecordedStatus stopPending(int checkPoint, int drainSeconds) {
        return RecordedStatus.pending(SERVICE_STOP_PENDING, checkPoint, drainSeconds * 1000 + 5000);
    }

    @Test
    void startsPendingThenRunningAcceptingStopAndShutdown() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody(), Runnable::run);

        lifecycle.start(reporter);

        assertEquals(List.of(startPending(1), RUNNING), reported);
        assertEquals(List.of("start"), events);
        assertEquals(ServiceLifecycle.State.RUNNING, lifecycle.state());
    }

    @Test
    void checkpointsAdvanceWhileTheStartTakesTimeAndStopOnceRunning() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody() {
            @Override
            public void start() {
                progress.tick();
                progress.tick();
            }
        }, Runnable::run);

        lifecycle.start(reporter);
        reporter.progress();

        assertEquals(List.of(startPending(1), startPending(2), startPending(3), RUNNING), reported,
                "a late tick after RUNNING reports nothing");
    }

    @Test
    void stopDrainsOnAnotherThreadThenReportsStopped() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody(), stopTasks::add);
        lifecycle.start(reporter);
        reported.clear();

        int answer = lifecycle.callback(SERVICE_CONTROL_STOP, 0, null, null);

        assertEquals(NO_ERROR, answer);
        assertEquals(List.of(stopPending(1, 10)), reported, "the handler returns before the drain runs");
        assertEquals(ServiceLifecycle.State.STOP_PENDING, lifecycle.state());
        stopTasks.get(0).run();
        assertEquals(List.of(stopPending(1, 10), STOPPED), reported);
        assertEquals(List.of("start", "stop 10s"), events);
        assertEquals(ServiceLifecycle.State.STOPPED, lifecycle.state());
    }

    @Test
    void checkpointsAdvanceDuringTheDrain() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody() {
            @Override
            public void stop(Duration drainWithin) {
                progress.tick();
            }
        }, Runnable::run);
        lifecycle.start(reporter);
        reported.clear();

        lifecycle.callback(SERVICE_CONTROL_STOP, 0, null, null);

        assertEquals(List.of(stopPending(1, 10), stopPending(2, 10), STOPPED), reported);
    }

    @Test
    void shutdownDrainsForLess() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody(), Runnable::run);
        lifecycle.start(reporter);
        reported.clear();

        assertEquals(NO_ERROR, lifecycle.callback(SERVICE_CONTROL_SHUTDOWN, 0, null, null));

        assertEquals(List.of(stopPending(1, 5), STOPPED), reported);
        assertEquals(List.of("start", "stop 5s"), events);
    }

    @Test
    void aSecondStopWhileStoppingIsAcceptedButNotRepeated() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody(), stopTasks::add);
        lifecycle.start(reporter);

        lifecycle.callback(SERVICE_CONTROL_STOP, 0, null, null);
        assertEquals(NO_ERROR, lifecycle.callback(SERVICE_CONTROL_SHUTDOWN, 0, null, null));
        stopTasks.forEach(Runnable::run);
        assertEquals(NO_ERROR, lifecycle.callback(SERVICE_CONTROL_STOP, 0, null, null));

        assertEquals(1, stopTasks.size());
        assertEquals(List.of("start", "stop 10s"), events);
    }

    @Test
    void stopDuringStartFollowsTheStartWithoutRunning() {
        ServiceLifecycle[] self = new ServiceLifecycle[1];
        self[0] = lifecycle(new RecordingBody() {
            @Override
            public void start() {
                events.add("start");
                assertEquals(NO_ERROR, self[0].callback(SERVICE_CONTROL_SHUTDOWN, 0, null, null));
            }
        }, Runnable::run);

        self[0].start(reporter);

        assertEquals(List.of(startPending(1), stopPending(1, 5), STOPPED), reported);
        assertEquals(List.of("start", "stop 5s"), events);
    }

    @Test
    void failedStartStopsWithAServiceSpecificErrorSoRecoveryRestartsIt() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody() {
            @Override
            public void start() throws Exception {
                throw new java.net.BindException("Address already in use: 127.0.0.1:9798");
            }
        }, Runnable::run);

        lifecycle.start(reporter);

        assertEquals(List.of(startPending(1), new RecordedStatus(SERVICE_STOPPED, 0, 1066, 1, 0, 0)), reported);
        assertEquals("Address already in use: 127.0.0.1:9798", lifecycle.startFailure().orElseThrow().getMessage());
        assertEquals(NO_ERROR, lifecycle.callback(SERVICE_CONTROL_STOP, 0, null, null));
        assertEquals(List.of(), events, "stop is never called after a failed start");
    }

    @Test
    void failingStopStillReportsStopped() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody() {
            @Override
            public void stop(Duration drainWithin) {
                throw new IllegalStateException("listener already closed");
            }
        }, Runnable::run);
        lifecycle.start(reporter);

        lifecycle.callback(SERVICE_CONTROL_STOP, 0, null, null);

        assertEquals(STOPPED, reported.get(reported.size() - 1));
    }

    @Test
    void interrogateRepeatsTheStatusAndOtherControlsAreNotImplemented() {
        ServiceLifecycle lifecycle = lifecycle(new RecordingBody(), Runnable::run);
        assertEquals(NO_ERROR, lifecycle.callback(SERVICE_CONTROL_INTERROGATE, 0, null, null),
                "before the start there is nothing to repeat");
        lifecycle.start(reporter);

        assertEquals(NO_ERROR, lifecycle.callback(SERVICE_CONTROL_INTERROGATE, 0, null, null));
        assertEquals(ERROR_CALL_NOT_IMPLEMENTED, lifecycle.callback(2 /* PAUSE */, 0, null, null));
        assertEquals(ERROR_CALL_NOT_IMPLEMENTED, lifecycle.callback(0x0F /* PRESHUTDOWN */, 0, null, null));

        assertEquals(List.of(startPending(1), RUNNING, RUNNING), reported);
        assertTrue(events.stream().noneMatch(e -> e.startsWith("stop")));
    }
}
