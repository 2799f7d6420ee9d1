package io.sriovagent.service;

/**
 * Runs the agent as an operating-system service: the Windows Service Control Manager today. One implementation
 * per platform module that has such a service manager, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.sriovagent.service.OsServiceSupport}).
 *
 * <p>The CLI implements {@code sriov-agent service install|uninstall|run} by loading every provider and using the
 * first whose {@link #supportsCurrentOs()} is true. When none is (Linux: systemd runs the plain {@code run}
 * command), the CLI prints that the command is Windows-only and exits with 2. Every method reports failure with a
 * {@link ServiceException} whose message is one line the CLI prints as it is (exit 2).
 *
 * <p>Implementations must be cheap to construct and must not touch native libraries before one of the three
 * operations is called: the CLI instantiates them on every OS.
 */
public interface OsServiceSupport {

    /** True when this implementation can install and run services on the operating system the agent runs on. */
    boolean supportsCurrentOs();

    /**
     * Registers the service so that the OS starts it at boot and restarts it when it fails. Does not start it.
     * The CLI builds the definition from its own options ({@code service install} plus the agent options the
     * service should run with) and reports success on stdout.
     *
     * @throws ServiceException when the service exists already, the caller lacks the rights, or the OS refuses
     */
    void install(ServiceDefinition definition) throws ServiceException;

    /**
     * Stops the service if it runs (waiting a bounded time for it to stop) and removes its registration.
     *
     * @throws ServiceException when no such service is installed, the caller lacks the rights, or the OS refuses
     */
    void uninstall(String serviceName) throws ServiceException;

    /**
     * Runs {@code body} as the service named {@code serviceName}; the command line of an installed service ends
     * with {@code service run}, so the OS's service manager calls this. Blocks until the service manager has
     * stopped the service (stop control or system shutdown), then returns normally: the CLI then exits with 0.
     * The implementation calls {@link ServiceBody#start()} when the service manager starts the service and
     * {@link ServiceBody#stop(java.time.Duration)} when it asks the service to stop.
     *
     * @throws ServiceException when the process was not started by the service manager (a person typed
     *                          {@code service run} in a console) or the service manager connection fails
     */
    void runAsService(String serviceName, ServiceBody body) throws ServiceException;
}
