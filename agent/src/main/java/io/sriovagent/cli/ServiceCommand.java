package io.sriovagent.cli;

import io.sriovagent.daemon.Daemon;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.service.OsServiceSupport;
import io.sriovagent.service.ServiceBody;
import io.sriovagent.service.ServiceDefinition;
import io.sriovagent.service.ServiceException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code sriov-agent service install|uninstall|run}: the agent as an OS service (the Windows Service Control
 * Manager). The Java process is the service itself; {@code install} registers a command line that ends in
 * {@code service run} followed by the agent options given to {@code install}.
 */
final class ServiceCommand {

    static final String SERVICE_NAME = "sriov-agent";
    static final String DISPLAY_NAME = "sriov-agent (Accelerated Networking health)";
    static final String DESCRIPTION = "Proves that Azure Accelerated Networking works on this VM and serves the"
            + " verdict on /health, /healthz, /status and /metrics.";
    /** The same tuned flags as the Linux launcher (docs/operations.md explains each). */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx64m",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss512k", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError");
    /** How long the first verdict and the listeners may take before the service reports a failed start. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(ServiceCommand.class.getName());

    /** Where the running jar is; the installed service's command line names it. */
    @FunctionalInterface
    interface JarLocation {
        Path get() throws UsageException;
    }

    private final Supplier<Optional<OsServiceSupport>> services;
    private final ProbeOpener probes;
    private final ConfigResolver resolver;
    private final PrintStream out;
    private final JarLocation jar;

    ServiceCommand(Supplier<Optional<OsServiceSupport>> services, ProbeOpener probes, ConfigResolver resolver,
                   PrintStream out) {
        this(services, probes, resolver, out, ServiceCommand::runningJar);
    }

    ServiceCommand(Supplier<Optional<OsServiceSupport>> services, ProbeOpener probes, ConfigResolver resolver,
                   PrintStream out, JarLocation jar) {
        this.services = services;
        this.probes = probes;
        this.resolver = resolver;
        this.out = out;
        this.jar = jar;
    }

    /** The first {@link OsServiceSupport} on the class path that supports this operating system. */
    static Optional<OsServiceSupport> fromServiceLoader() {
        for (OsServiceSupport support : ServiceLoader.load(OsServiceSupport.class)) {
            if (support.supportsCurrentOs()) {
                return Optional.of(support);
            }
        }
        return Optional.empty();
    }

    int run(List<String> args) throws UsageException, InterruptedException {
        if (args.isEmpty()) {
            throw new UsageException("service needs install, uninstall or run");
        }
        String action = args.get(0);
        List<String> options = args.subList(1, args.size());
        OsServiceSupport support = services.get().orElseThrow(() -> new UsageException("service " + action
                + " is for Windows; on Linux systemd runs 'sriov-agent run' (see docs/operations.md)"));
        try {
            return switch (action) {
                case "install" -> install(support, options);
                case "uninstall" -> uninstall(support, options);
                case "run" -> runAsService(support, options);
                default -> throw new UsageException("service needs install, uninstall or run, got \"" + action + "\"");
            };
        } catch (ServiceException e) {
            throw new UsageException("service " + action + ": " + e.getMessage());
        }
    }

    private int install(OsServiceSupport support, List<String> options) throws UsageException, ServiceException {
        // Validate now: a bad option must fail here, not every time the service manager starts the service.
        resolver.resolve(options, false);
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        List<String> command = ServiceDefinition.javaCommandLine(java, JVM_FLAGS, jar.get(),
                absolutePaths(options));
        support.install(new ServiceDefinition(SERVICE_NAME, DISPLAY_NAME, DESCRIPTION, command));
        out.println("installed service " + SERVICE_NAME + ": " + String.join(" ", command));
        return ExitCode.HEALTHY;
    }

    private int uninstall(OsServiceSupport support, List<String> options) throws UsageException, ServiceException {
        if (!options.isEmpty()) {
            throw new UsageException("service uninstall takes no options, got " + String.join(" ", options));
        }
        support.uninstall(SERVICE_NAME);
        out.println("removed service " + SERVICE_NAME);
        return ExitCode.HEALTHY;
    }

    private int runAsService(OsServiceSupport support, List<String> options) throws UsageException, ServiceException {
        AgentConfig config = resolver.resolve(options, false).config();
        LogSetup.configureForService(config.debug());
        Cli.requireReadableHostRoot(config.hostRoot());
        support.runAsService(SERVICE_NAME, new DaemonBody(config, probes));
        return ExitCode.HEALTHY;
    }

    /** The daemon as the service manager sees it: started once listening, stopped by a stop control. */
    static final class DaemonBody implements ServiceBody {
        private final AgentConfig config;
        private final ProbeOpener probes;
        private volatile Daemon daemon;

        DaemonBody(AgentConfig config, ProbeOpener probes) {
            this.config = config;
            this.probes = probes;
        }

        @Override
        public void start() throws Exception {
            PlatformProbe probe = probes.open(config.probeSettings());
            Daemon started;
            try {
                started = new Daemon(RunCommand.settings(config), probe);
            } catch (RuntimeException e) {
                probe.close();
                throw e;
            }
            daemon = started;
            try {
                started.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                started.stop();
                throw new IllegalStateException("the agent did not start serving: "
                        + (e instanceof ExecutionException ? e.getCause().getMessage() : "no verdict within "
                        + START_TIMEOUT.toSeconds() + " s"), e);
            }
            LOG.info("service " + SERVICE_NAME + " serving on port " + started.port());
        }

        /** The daemon drains within its own shutdown bound (5 s), inside any drain time the service manager gives. */
        @Override
        public void stop(Duration drainWithin) {
            Daemon running = daemon;
            if (running != null) {
                running.stop();
            }
        }

        Daemon daemon() {
            return daemon;
        }
    }

    private static Path runningJar() throws UsageException {
        try {
            Path location = Path.of(ServiceCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                return location.toAbsolutePath();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // reported below
        }
        throw new UsageException("service install must be run from sriov-agent.jar (java -jar sriov-agent.jar"
                + " service install ...)");
    }

    /**
     * The service manager starts the service in the system directory: path-valued options given relative to the
     * installer's directory are made absolute.
     */
    static List<String> absolutePaths(List<String> options) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            boolean pathOption = option.equals("--config") || option.equals("--host-root");
            if (pathOption && i + 1 < options.size()) {
                result.add(option);
                result.add(Path.of(options.get(++i)).toAbsolutePath().toString());
            } else if (option.startsWith("--config=") || option.startsWith("--host-root=")) {
                int equals = option.indexOf('=');
                result.add(option.substring(0, equals + 1) + Path.of(option.substring(equals + 1)).toAbsolutePath());
            } else {
                result.add(option);
            }
        }
        return result;
    }
}
