package io.sriovagent.linux.ethtool;

import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.exec.CommandRunner;
import io.sriovagent.probe.ProbeSettings;
import java.util.List;
import java.util.Locale;

/**
 * Driver statistics by running {@code ethtool -S IFACE} and parsing what it prints: the fallback when the ioctl
 * cannot be used, and an option for hosts where running a tool is preferred to native calls.
 *
 * <p>ethtool's exit statuses for {@code -S}: 94 "no stats available" (the driver has none), 95/96 when getting
 * the values/names failed, with the kernel's error text ("Operation not supported", "No such device").
 */
public final class CommandStatisticsSource implements NicStatisticsSource {

    private final String ethtoolCommand;
    private final CommandRunner runner;

    /** Runs {@link ProbeSettings#ethtoolCommand()} with {@link ProbeSettings#commandTimeout()} as deadline. */
    public CommandStatisticsSource(ProbeSettings settings) {
        this(settings.ethtoolCommand(), new CommandRunner(settings.commandTimeout()));
    }

    CommandStatisticsSource(String ethtoolCommand, CommandRunner runner) {
        this.ethtoolCommand = ethtoolCommand;
        this.runner = runner;
    }

    @Override
    public NicStatistics read(String interfaceName) {
        String problem = InterfaceNames.problem(interfaceName);
        if (problem != null) {
            return NicStatistics.failed(problem);
        }
        return interpret(runner.run(List.of(ethtoolCommand, "-S", interfaceName)));
    }

    @Override
    public String name() {
        return "command";
    }

    /** What one run of {@code ethtool -S} says about the interface's statistics. */
    static NicStatistics interpret(CommandResult result) {
        if (result.outcome() != CommandResult.Outcome.EXITED) {
            return NicStatistics.failed(result.describeFailure());
        }
        if (result.exitCode() == 0) {
            return EthtoolStatsParser.parse(result.stdout());
        }
        String notSupported = notSupportedLine(result.stderr() + "\n" + result.stdout());
        if (notSupported != null) {
            return NicStatistics.notSupported("the driver has no statistics (ethtool: " + notSupported + ")");
        }
        String failure = result.describeFailure();
        return NicStatistics.failed(failure.contains("No such device") ? "interface vanished: " + failure : failure);
    }

    /** The line in which ethtool says the driver has no statistics, or null. */
    private static String notSupportedLine(String output) {
        return output.lines()
                .map(String::strip)
                .filter(line -> {
                    String lower = line.toLowerCase(Locale.ROOT);
                    return lower.contains("no stats available") || lower.contains("operation not supported");
                })
                .map(line -> line.length() <= 120 ? line : line.substring(0, 117) + "...")
                .findFirst()
                .orElse(null);
    }
}
