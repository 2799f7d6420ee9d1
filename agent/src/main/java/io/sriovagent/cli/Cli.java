package io.sriovagent.cli;

import io.sriovagent.AgentVersion;
import io.sriovagent.service.OsServiceSupport;
import io.sriovagent.daemon.ShutdownSignals;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The command line of CONTRACT §1. Errors print one line on stderr and exit 2; stack traces only with
 * {@code --debug}.
 */
public final class Cli {

    private static final String USAGE = """
            usage: sriov-agent [run]   [options]        the daemon (default command)
                   sriov-agent check   [options] [--json]
                   sriov-agent version
                   sriov-agent service install|uninstall|run [options]   (Windows only)
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final ProbeOpener probes;
    private final CheckCommand.Sleeper sleeper;
    private final Supplier<Optional<OsServiceSupport>> services;

    public Cli(PrintStream out, PrintStream err, Map<String, String> environment, ProbeOpener probes,
               CheckCommand.Sleeper sleeper) {
        this(out, err, environment, probes, sleeper, ServiceCommand::fromServiceLoader);
    }

    /** @param services finds the OS service manager support ({@code service install|uninstall|run}) */
    public Cli(PrintStream out, PrintStream err, Map<String, String> environment, ProbeOpener probes,
               CheckCommand.Sleeper sleeper, Supplier<Optional<OsServiceSupport>> services) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.probes = probes;
        this.sleeper = sleeper;
        this.services = services;
    }

    public static Cli forProcess() {
        return new Cli(System.out, System.err, System.getenv(), ProbeOpener.serviceLoader(),
                duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    public int execute(String... args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() || arguments.get(0).startsWith("-") ? "run" : arguments.get(0);
        List<String> rest = arguments.isEmpty() || arguments.get(0).startsWith("-") ? arguments
                : arguments.subList(1, arguments.size());
        // Known before the options are resolved, so that a failure while resolving them can show its stack trace too.
        boolean debug = rest.stream().anyMatch(arg -> arg.equals("--debug") || arg.equals("--debug=true"))
                || "true".equalsIgnoreCase(environment.get(OptionSpec.DEBUG.environmentVariable()));
        try {
            return switch (command) {
                case "run" -> run(rest);
                case "check" -> check(rest);
                case "version" -> version(rest);
                case "service" -> new ServiceCommand(services, probes, new ConfigResolver(environment), out).run(rest);
                case "help" -> printHelp();
                default -> throw new UsageException("unknown command \"" + command + "\"\n" + USAGE.strip());
            };
        } catch (UsageException e) {
            err.println("sriov-agent: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sriov-agent: interrupted");
            return ExitCode.CANNOT_RUN;
        } catch (RuntimeException | Error e) {
            err.println("sriov-agent: internal error: " + e);
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCode.CANNOT_RUN;
        }
    }

    private int check(List<String> args) throws UsageException, InterruptedException {
        ConfigResolver.Resolved resolved = new ConfigResolver(environment).resolve(args, true);
        return resolved.flags().help() ? printHelp()
                : new CheckCommand(probes, sleeper).run(prepare(resolved), resolved.flags().json(), out);
    }

    private int run(List<String> args) throws UsageException, InterruptedException {
        ConfigResolver.Resolved resolved = new ConfigResolver(environment).resolve(args, false);
        return resolved.flags().help() ? printHelp()
                : new RunCommand(probes, ShutdownSignals::onTermination).run(prepare(resolved));
    }

    /** What every probing command does before it starts: logging as configured, a host root it can read. */
    private static AgentConfig prepare(ConfigResolver.Resolved resolved) throws UsageException {
        AgentConfig config = resolved.config();
        LogSetup.configure(config.debug());
        requireReadableHostRoot(config.hostRoot());
        return config;
    }

    private int printHelp() {
        out.print(help());
        return ExitCode.HEALTHY;
    }

    private int version(List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("version takes no arguments, got " + String.join(" ", args));
        }
        out.println("sriov-agent " + AgentVersion.current());
        return ExitCode.HEALTHY;
    }

    static void requireReadableHostRoot(Path root) throws UsageException {
        if (!Files.isDirectory(root)) {
            throw new UsageException("--host-root " + root + ": not a directory");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new UsageException("--host-root " + root + ": not readable by this user");
        }
    }

    private static String help() {
        return USAGE + "\noptions (flag > SRIOV_AGENT_<NAME> environment > --config file > default):\n"
                + ConfigResolver.optionsHelp()
                + "  --json                                 check: print the status JSON instead of the report\n";
    }
}
