package io.sriovagent.linux.ethtool;

import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.exec.CommandRunner;
import io.sriovagent.probe.ProbeSettings;
import java.util.List;

/**
 * Opens the statistics source the settings ask for.
 *
 * <p>This version always runs {@code ETHTOOL -S IFACE} and parses its text; the SIOCETHTOOL ioctl source
 * replaces it.
 */
public final class NicStatisticsSources {

    private NicStatisticsSources() {
    }

    public static NicStatisticsSource open(ProbeSettings settings) {
        CommandRunner runner = new CommandRunner(settings.commandTimeout());
        String ethtool = settings.ethtoolCommand();
        return new NicStatisticsSource() {
            @Override
            public NicStatistics read(String interfaceName) {
                CommandResult result = runner.run(List.of(ethtool, "-S", interfaceName));
                // ethtool prints "no stats available" on stderr and exits non-zero for drivers without
                // statistics: that is "not supported", not a failed read.
                if (result.outcome() == CommandResult.Outcome.EXITED
                        && result.stderr().strip().equalsIgnoreCase("no stats available")) {
                    return EthtoolStatsParser.parse(result.stderr());
                }
                if (!result.succeeded()) {
                    return NicStatistics.failed(result.describeFailure());
                }
                return EthtoolStatsParser.parse(result.stdout());
            }

            @Override
            public String name() {
                return "command";
            }
        };
    }
}
