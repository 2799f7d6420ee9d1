package io.sriovagent.windows.service;

import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.windows.jna.LastError;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import io.sriovagent.windows.jna.Win32Errors;
import java.util.logging.Logger;

/**
 * Tells the SCM the service's state through {@code SetServiceStatus}. Pending states carry a checkpoint that
 * {@link #progress()} advances; RUNNING and STOPPED carry none.
 */
final class ServiceStatusReporter {

    private static final Logger LOG = Logger.getLogger(ServiceStatusReporter.class.getName());

    private final ServiceControlLibrary library;
    private final Winsvc.SERVICE_STATUS_HANDLE handle;
    private final LastError lastError;
    private int state;
    private int controlsAccepted;
    private int exitCode;
    private int serviceSpecificExitCode;
    private int checkPoint;
    private int waitHintMillis;
    private boolean failureLogged;

    ServiceStatusReporter(ServiceControlLibrary library, Winsvc.SERVICE_STATUS_HANDLE handle, LastError lastError) {
        this.library = library;
        this.handle = handle;
        this.lastError = lastError;
    }

    /** START_PENDING or STOP_PENDING: no control accepted, the first checkpoint, the promised wait. */
    synchronized void pending(int pendingState, int waitHint) {
        set(pendingState, 0, 0, 0, 1, waitHint);
    }

    synchronized void running(int accepted) {
        set(ServiceControlLibrary.SERVICE_RUNNING, accepted, 0, 0, 0, 0);
    }

    /** STOPPED with NO_ERROR, or ERROR_SERVICE_SPECIFIC_ERROR and a code, which triggers the recovery actions. */
    synchronized void stopped(int win32ExitCode, int serviceSpecific) {
        set(ServiceControlLibrary.SERVICE_STOPPED, 0, win32ExitCode, serviceSpecific, 0, 0);
    }

    /** Advances the checkpoint of a pending state; does nothing once the state is no longer pending. */
    synchronized void progress() {
        if (state == ServiceControlLibrary.SERVICE_START_PENDING || state == ServiceControlLibrary.SERVICE_STOP_PENDING) {
            checkPoint++;
            send();
        }
    }

    /** Sends the current status again (SERVICE_CONTROL_INTERROGATE). */
    synchronized void repeat() {
        if (state != 0) {
            send();
        }
    }

    private void set(int newState, int accepted, int win32ExitCode, int serviceSpecific, int newCheckPoint,
                     int waitHint) {
        state = newState;
        controlsAccepted = accepted;
        exitCode = win32ExitCode;
        serviceSpecificExitCode = serviceSpecific;
        checkPoint = newCheckPoint;
        waitHintMillis = waitHint;
        send();
    }

    private void send() {
        Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
        status.dwServiceType = ServiceControlLibrary.SERVICE_WIN32_OWN_PROCESS;
        status.dwCurrentState = state;
        status.dwControlsAccepted = controlsAccepted;
        status.dwWin32ExitCode = exitCode;
        status.dwServiceSpecificExitCode = serviceSpecificExitCode;
        status.dwCheckPoint = checkPoint;
        status.dwWaitHint = waitHintMillis;
        if (!library.SetServiceStatus(handle, status) && !failureLogged) {
            // Nothing else can tell the SCM; say it once in the log.
            failureLogged = true;
            LOG.warning("SetServiceStatus failed: " + Win32Errors.win32(lastError.get()));
        }
    }
}
