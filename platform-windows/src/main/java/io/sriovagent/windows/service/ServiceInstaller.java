package io.sriovagent.windows.service;

import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.service.ServiceDefinition;
import io.sriovagent.service.ServiceException;
import io.sriovagent.windows.jna.LastError;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import io.sriovagent.windows.jna.Win32Errors;
import java.time.Duration;
import java.util.List;

/**
 * Registers and removes the service with the SCM: automatic start, restart on failure (10 s, 30 s, 60 s;
 * failure count reset after a day), runs as LocalService: the agent only reads device and interface state and
 * listens on loopback, none of which needs LocalSystem.
 */
final class ServiceInstaller {

    static final String ACCOUNT = "NT AUTHORITY\\LocalService";
    static final List<Duration> RESTART_DELAYS =
            List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
    static final Duration FAILURE_RESET_PERIOD = Duration.ofDays(1);
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /** Sleeps between status polls; tests pass one that returns at once. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ServiceControlLibrary library;
    private final LastError lastError;
    private final Sleeper sleeper;
    private final Duration stopTimeout;

    ServiceInstaller(ServiceControlLibrary library, LastError lastError, Sleeper sleeper, Duration stopTimeout) {
        this.library = library;
        this.lastError = lastError;
        this.sleeper = sleeper;
        this.stopTimeout = stopTimeout;
    }

    void install(ServiceDefinition definition) throws ServiceException {
        Winsvc.SC_HANDLE manager = openManager(ServiceControlLibrary.SC_MANAGER_CONNECT
                | ServiceControlLibrary.SC_MANAGER_CREATE_SERVICE);
        try {
            Winsvc.SC_HANDLE service = library.CreateService(manager, definition.name(), definition.displayName(),
                    ServiceControlLibrary.SERVICE_ALL_ACCESS, ServiceControlLibrary.SERVICE_WIN32_OWN_PROCESS,
                    ServiceControlLibrary.SERVICE_AUTO_START, ServiceControlLibrary.SERVICE_ERROR_NORMAL,
                    WindowsCommandLine.join(definition.commandLine()), null, null, null, ACCOUNT, null);
            if (service == null) {
                int error = lastError.get();
                if (error == ServiceControlLibrary.ERROR_SERVICE_EXISTS) {
                    throw new ServiceException("service '" + definition.name() + "' exists already; run "
                            + "'sriov-agent service uninstall' first");
                }
                throw new ServiceException("creating service '" + definition.name() + "' failed: "
                        + Win32Errors.win32(error));
            }
            try {
                configure(service, definition);
            } catch (ServiceException e) {
                // Half a registration (no recovery actions) would look installed but not restart: undo it.
                library.DeleteService(service);
                throw e;
            } finally {
                library.CloseServiceHandle(service);
            }
        } finally {
            library.CloseServiceHandle(manager);
        }
    }

    void uninstall(String serviceName) throws ServiceException {
        Winsvc.SC_HANDLE manager = openManager(ServiceControlLibrary.SC_MANAGER_CONNECT);
        try {
            Winsvc.SC_HANDLE service = library.OpenService(manager, serviceName,
                    ServiceControlLibrary.SERVICE_STOP | ServiceControlLibrary.SERVICE_QUERY_STATUS
                            | ServiceControlLibrary.DELETE);
            if (service == null) {
                int error = lastError.get();
                if (error == ServiceControlLibrary.ERROR_SERVICE_DOES_NOT_EXIST) {
                    throw new ServiceException("service '" + serviceName + "' is not installed");
                }
                throw new ServiceException("opening service '" + serviceName + "' failed: "
                        + Win32Errors.win32(error));
            }
            try {
                boolean stopped = stop(service, serviceName);
                if (!library.DeleteService(service)) {
                    int error = lastError.get();
                    if (error != ServiceControlLibrary.ERROR_SERVICE_MARKED_FOR_DELETE) {
                        throw new ServiceException("deleting service '" + serviceName + "' failed: "
                                + Win32Errors.win32(error));
                    }
                }
                if (!stopped) {
                    throw new ServiceException("service '" + serviceName + "' did not stop within "
                            + stopTimeout.toSeconds() + " s; it is marked for deletion and goes away when it stops");
                }
            } finally {
                library.CloseServiceHandle(service);
            }
        } finally {
            library.CloseServiceHandle(manager);
        }
    }

    /** The failure actions: restart after each delay, the count reset after a day without failure. */
    static Winsvc.SERVICE_FAILURE_ACTIONS failureActions() {
        Winsvc.SC_ACTION.ByReference first = new Winsvc.SC_ACTION.ByReference();
        Winsvc.SC_ACTION[] actions = (Winsvc.SC_ACTION[]) first.toArray(RESTART_DELAYS.size());
        for (int i = 0; i < actions.length; i++) {
            actions[i].type = ServiceControlLibrary.SC_ACTION_RESTART;
            actions[i].delay = (int) RESTART_DELAYS.get(i).toMillis();
            // JNA writes only the first element of a by-reference field: write every element here.
            actions[i].write();
        }
        Winsvc.SERVICE_FAILURE_ACTIONS failureActions = new Winsvc.SERVICE_FAILURE_ACTIONS();
        failureActions.dwResetPeriod = (int) FAILURE_RESET_PERIOD.toSeconds();
        failureActions.cActions = actions.length;
        failureActions.lpsaActions = first;
        return failureActions;
    }

    private void configure(Winsvc.SC_HANDLE service, ServiceDefinition definition) throws ServiceException {
        Winsvc.SERVICE_DESCRIPTION description = new Winsvc.SERVICE_DESCRIPTION();
        description.lpDescription = definition.description();
        change(service, ServiceControlLibrary.SERVICE_CONFIG_DESCRIPTION, description, "description");
        change(service, ServiceControlLibrary.SERVICE_CONFIG_FAILURE_ACTIONS, failureActions(), "recovery actions");
        // Recovery also when the service stops itself with an error (a failed start), not only when it crashes.
        Winsvc.SERVICE_FAILURE_ACTIONS_FLAG flag = new Winsvc.SERVICE_FAILURE_ACTIONS_FLAG();
        flag.fFailureActionsOnNonCrashFailures = 1;
        change(service, ServiceControlLibrary.SERVICE_CONFIG_FAILURE_ACTIONS_FLAG, flag, "recovery on errors");
    }

    private void change(Winsvc.SC_HANDLE service, int level, Winsvc.ChangeServiceConfig2Info info, String what)
            throws ServiceException {
        if (!library.ChangeServiceConfig2(service, level, info)) {
            throw new ServiceException("setting the service's " + what + " failed: "
                    + Win32Errors.win32(lastError.get()));
        }
    }

    private Winsvc.SC_HANDLE openManager(int access) throws ServiceException {
        Winsvc.SC_HANDLE manager = library.OpenSCManager(null, null, access);
        if (manager == null) {
            int error = lastError.get();
            throw new ServiceException("opening the Service Control Manager failed: " + Win32Errors.win32(error)
                    + (error == ServiceControlLibrary.ERROR_ACCESS_DENIED ? "; run it as Administrator" : ""));
        }
        return manager;
    }

    /** Asks the service to stop and waits for it; false when it still runs after the timeout. */
    private boolean stop(Winsvc.SC_HANDLE service, String serviceName) throws ServiceException {
        Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
        if (!library.ControlService(service, ServiceControlLibrary.SERVICE_CONTROL_STOP, status)) {
            int error = lastError.get();
            if (error == ServiceControlLibrary.ERROR_SERVICE_NOT_ACTIVE) {
                return true;
            }
            if (error != ServiceControlLibrary.ERROR_SERVICE_CANNOT_ACCEPT_CTRL) {
                throw new ServiceException("stopping service '" + serviceName + "' failed: "
                        + Win32Errors.win32(error));
            }
            // Start- or stop-pending: it cannot take the control now, but may still stop; wait and see.
        }
        long polls = Math.max(1, stopTimeout.toMillis() / POLL_INTERVAL.toMillis());
        for (long poll = 0; poll <= polls; poll++) {
            if (!library.QueryServiceStatus(service, status)) {
                throw new ServiceException("querying service '" + serviceName + "' failed: "
                        + Win32Errors.win32(lastError.get()));
            }
            if (status.dwCurrentState == ServiceControlLibrary.SERVICE_STOPPED) {
                return true;
            }
            try {
                sleeper.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
