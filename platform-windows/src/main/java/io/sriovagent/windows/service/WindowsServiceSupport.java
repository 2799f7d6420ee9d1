package io.sriovagent.windows.service;

import com.sun.jna.Native;
import com.sun.jna.win32.W32APIOptions;
import io.sriovagent.service.OsServiceSupport;
import io.sriovagent.service.ServiceBody;
import io.sriovagent.service.ServiceDefinition;
import io.sriovagent.service.ServiceException;
import io.sriovagent.windows.jna.ServiceControlLibrary;
import java.time.Duration;

/**
 * The Windows Service Control Manager as {@link OsServiceSupport} ({@code META-INF/services}). The JVM process
 * itself is the service, through the JNA service dispatcher: no wrapper executable. advapi32 is loaded on the
 * first operation, never on construction.
 */
public final class WindowsServiceSupport implements OsServiceSupport {

    /** How long uninstall waits for a running service to stop: the drain plus the SCM's own margin. */
    static final Duration UNINSTALL_STOP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    /** A start or stop pending for longer is stuck: stop telling the SCM it progresses. */
    static final Duration PENDING_LIMIT = Duration.ofMinutes(2);

    private ServiceControlLibrary library;

    @Override
    public boolean supportsCurrentOs() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public void install(ServiceDefinition definition) throws ServiceException {
        installer().install(definition);
    }

    @Override
    public void uninstall(String serviceName) throws ServiceException {
        installer().uninstall(serviceName);
    }

    @Override
    public void runAsService(String serviceName, ServiceBody body) throws ServiceException {
        try (ScheduledProgress progress = new ScheduledProgress(PROGRESS_INTERVAL, PENDING_LIMIT)) {
            ServiceLifecycle lifecycle = new ServiceLifecycle(body, progress, task -> {
                Thread thread = new Thread(task, "sriov-agent-service-stop");
                thread.start();
            });
            new ServiceDispatcher(library(), Native::getLastError, System::exit).run(serviceName, lifecycle);
        }
    }

    private ServiceInstaller installer() throws ServiceException {
        return new ServiceInstaller(library(), Native::getLastError, duration -> Thread.sleep(duration.toMillis()),
                UNINSTALL_STOP_TIMEOUT);
    }

    private synchronized ServiceControlLibrary library() throws ServiceException {
        if (library == null) {
            if (!supportsCurrentOs()) {
                throw new ServiceException("Windows services are only available on Windows");
            }
            try {
                library = Native.load("advapi32", ServiceControlLibrary.class, W32APIOptions.DEFAULT_OPTIONS);
            } catch (UnsatisfiedLinkError e) {
                throw new ServiceException("loading advapi32.dll failed: " + e.getMessage(), e);
            }
        }
        return library;
    }
}
