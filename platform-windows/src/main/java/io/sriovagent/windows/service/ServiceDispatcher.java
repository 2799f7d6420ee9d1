package io.sriovagent.windows.service;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import io.sriovagent.service.ServiceException;
import io.sriovagent.windows.jna.LastError;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import io.sriovagent.windows.jna.Win32Errors;
import java.lang.ref.Reference;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes this Java process the service: hands the SCM a one-entry service table through
 * {@code StartServiceCtrlDispatcher} (which blocks the calling thread and dispatches controls on it) and, in
 * ServiceMain, registers the {@link ServiceLifecycle} as the control handler and starts it.
 */
final class ServiceDispatcher {

    private static final Logger LOG = Logger.getLogger(ServiceDispatcher.class.getName());

    private final ServiceControlLibrary library;
    private final LastError lastError;
    private final IntConsumer exit;

    /**
     * @param exit ends the process; used only when ServiceMain cannot register its control handler, because the
     *             SCM then cannot be told anything and the dispatcher would wait forever
     */
    ServiceDispatcher(ServiceControlLibrary library, LastError lastError, IntConsumer exit) {
        this.library = library;
        this.lastError = lastError;
        this.exit = exit;
    }

    /** Returns once the SCM has stopped the service. */
    void run(String serviceName, ServiceLifecycle lifecycle) throws ServiceException {
        ServiceMain serviceMain = new ServiceMain(serviceName, lifecycle);
        Winsvc.SERVICE_TABLE_ENTRY[] table = table(serviceName, serviceMain);
        try {
            if (!library.StartServiceCtrlDispatcher(table)) {
                int error = lastError.get();
                if (error == ServiceControlLibrary.ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
                    throw new ServiceException("'service run' only works when Windows starts the service; use "
                            + "'Start-Service " + serviceName + "', or 'sriov-agent run' in a console");
                }
                throw new ServiceException("StartServiceCtrlDispatcher failed: " + Win32Errors.win32(error));
            }
        } finally {
            // JNA frees a callback's native stub when its Java object is collected: keep both alive until the
            // dispatcher has returned.
            Reference.reachabilityFence(serviceMain);
            Reference.reachabilityFence(table);
        }
        Optional<Exception> failure = lifecycle.startFailure();
        if (failure.isPresent()) {
            throw new ServiceException("the service failed to start: " + failure.get().getMessage(), failure.get());
        }
    }

    /** The service table: this service, then the all-zero entry that ends the table. */
    static Winsvc.SERVICE_TABLE_ENTRY[] table(String serviceName, Winsvc.SERVICE_MAIN_FUNCTION serviceMain) {
        Winsvc.SERVICE_TABLE_ENTRY[] table = (Winsvc.SERVICE_TABLE_ENTRY[]) new Winsvc.SERVICE_TABLE_ENTRY().toArray(2);
        table[0].lpServiceName = serviceName;
        table[0].lpServiceProc = serviceMain;
        return table;
    }

    private final class ServiceMain implements Winsvc.SERVICE_MAIN_FUNCTION {
        private final String serviceName;
        private final ServiceLifecycle lifecycle;

        ServiceMain(String serviceName, ServiceLifecycle lifecycle) {
            this.serviceName = serviceName;
            this.lifecycle = lifecycle;
        }

        @Override
        public void callback(int argc, Pointer argv) {
            try {
                Winsvc.SERVICE_STATUS_HANDLE handle = library.RegisterServiceCtrlHandlerEx(serviceName, lifecycle,
                        null);
                if (handle == null || handle.getPointer() == null) {
                    LOG.severe("RegisterServiceCtrlHandlerEx failed: " + Win32Errors.win32(lastError.get()));
                    exit.accept(1);
                    return;
                }
                lifecycle.start(new ServiceStatusReporter(library, handle, lastError));
            } catch (RuntimeException | Error e) {
                // An exception must not unwind into the SCM's thread; without a status the process must end.
                LOG.log(Level.SEVERE, "ServiceMain failed", e);
                exit.accept(1);
            }
        }
    }
}
