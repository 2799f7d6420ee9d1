package io.sriovagent.windows.service;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.service.ServiceBody;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's state machine and its control handler ({@code HandlerEx}).
 * <pre>
 * start():  START_PENDING (checkpoints advance while body.start() runs) → RUNNING, accepting STOP and SHUTDOWN
 *           body.start() throws → STOPPED with ERROR_SERVICE_SPECIFIC_ERROR (the SCM's recovery restarts it)
 * STOP / SHUTDOWN while RUNNING → STOP_PENDING → body.stop(drain) on another thread → STOPPED
 * STOP / SHUTDOWN during START_PENDING → remembered; the stop follows as soon as the start returns
 * INTERROGATE → the current status again;  anything else → ERROR_CALL_NOT_IMPLEMENTED
 * </pre>
 * The handler runs on the dispatcher thread and must return at once, so the drain never runs inside it.
 */
final class ServiceLifecycle implements Winsvc.HandlerEx {

    private static final Logger LOG = Logger.getLogger(ServiceLifecycle.class.getName());

    /** How long an operator's stop may drain requests in flight. */
    static final Duration STOP_DRAIN = Duration.ofSeconds(10);
    /** Shorter on system shutdown: Windows gives services only a few seconds then. */
    static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(5);
    /** The wait promised with each start checkpoint; progress ticks come far more often. */
    static final int START_WAIT_HINT_MILLIS = 10_000;
    /** Margin on top of the drain for the stop wait hint. */
    static final int STOP_WAIT_MARGIN_MILLIS = 5_000;

    static final int SERVICE_SPECIFIC_START_FAILURE = 1;

    enum State { NOT_STARTED, START_PENDING, RUNNING, STOP_PENDING, STOPPED }

    private final ServiceBody body;
    private final PendingProgress progress;
    private final Executor stopExecutor;
    private ServiceStatusReporter reporter;
    private State state = State.NOT_STARTED;
    private Duration stopRequestedDuringStart;
    private Exception startFailure;

    ServiceLifecycle(ServiceBody body, PendingProgress progress, Executor stopExecutor) {
        this.body = body;
        this.progress = progress;
        this.stopExecutor = stopExecutor;
    }

    /** Runs the start on the ServiceMain thread, once the control handler is registered. */
    void start(ServiceStatusReporter statusReporter) {
        synchronized (this) {
            reporter = statusReporter;
            state = State.START_PENDING;
            reporter.pending(ServiceControlLibrary.SERVICE_START_PENDING, START_WAIT_HINT_MILLIS);
        }
        try (PendingProgress.Ticking ticking = progress.every(statusReporter::progress)) {
            body.start();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "the service failed to start", e);
            synchronized (this) {
                startFailure = e;
                state = State.STOPPED;
                reporter.stopped(ServiceControlLibrary.ERROR_SERVICE_SPECIFIC_ERROR, SERVICE_SPECIFIC_START_FAILURE);
            }
            return;
        }
        synchronized (this) {
            if (stopRequestedDuringStart == null) {
                state = State.RUNNING;
                reporter.running(ServiceControlLibrary.SERVICE_ACCEPT_STOP
                        | ServiceControlLibrary.SERVICE_ACCEPT_SHUTDOWN);
                return;
            }
            beginStop(stopRequestedDuringStart);
        }
    }

    @Override
    public int callback(int control, int eventType, Pointer eventData, Pointer context) {
        switch (control) {
            case ServiceControlLibrary.SERVICE_CONTROL_STOP:
                return requestStop(STOP_DRAIN);
            case ServiceControlLibrary.SERVICE_CONTROL_SHUTDOWN:
                return requestStop(SHUTDOWN_DRAIN);
            case ServiceControlLibrary.SERVICE_CONTROL_INTERROGATE:
                synchronized (this) {
                    if (reporter != null) {
                        reporter.repeat();
                    }
                }
                return ServiceControlLibrary.NO_ERROR;
            default:
                return ServiceControlLibrary.ERROR_CALL_NOT_IMPLEMENTED;
        }
    }

    synchronized State state() {
        return state;
    }

    /** Why the start failed, when it did. */
    synchronized Optional<Exception> startFailure() {
        return Optional.ofNullable(startFailure);
    }

    private synchronized int requestStop(Duration drain) {
        switch (state) {
            case NOT_STARTED, START_PENDING -> {
                if (stopRequestedDuringStart == null) {
                    stopRequestedDuringStart = drain;
                }
            }
            case RUNNING -> beginStop(drain);
            case STOP_PENDING, STOPPED -> {
                // Already on its way down: the first request's drain stands.
            }
        }
        return ServiceControlLibrary.NO_ERROR;
    }

    /** Caller holds the lock. */
    private void beginStop(Duration drain) {
        state = State.STOP_PENDING;
        reporter.pending(ServiceControlLibrary.SERVICE_STOP_PENDING,
                (int) drain.toMillis() + STOP_WAIT_MARGIN_MILLIS);
        stopExecutor.execute(() -> stop(drain));
    }

    private void stop(Duration drain) {
        try (PendingProgress.Ticking ticking = progress.every(reporter::progress)) {
            body.stop(drain);
        } catch (RuntimeException e) {
            // The agent is going away either way; the SCM must still hear that it stopped.
            LOG.log(Level.WARNING, "stopping the service failed", e);
        }
        synchronized (this) {
            state = State.STOPPED;
            reporter.stopped(ServiceControlLibrary.NO_ERROR, 0);
        }
    }
}
