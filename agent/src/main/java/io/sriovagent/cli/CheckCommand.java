package io.sriovagent.cli;

import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.report.HumanReport;
import io.sriovagent.report.StatusDocuments;
import io.sriovagent.report.StatusJson;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * {@code sriov-agent check}: probe, wait one window, probe again, evaluate once with no grace (a one-shot run reports
 * what it sees), print the report or JSON; exit 0 when healthy, 1 when not.
 */
final class CheckCommand {

    /** Waits out the traffic window; tests replace it to keep fixture runs instant. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ProbeOpener probes;
    private final Sleeper sleeper;

    CheckCommand(ProbeOpener probes, Sleeper sleeper) {
        this.probes = probes;
        this.sleeper = sleeper;
    }

    int run(AgentConfig config, boolean json, PrintStream out) throws UsageException, InterruptedException {
        Evaluation evaluation;
        try (PlatformProbe probe = probes.open(config.probeSettings())) {
            HostSnapshot first = probe.probe();
            sleeper.sleep(config.window());
            HostSnapshot second = probe.probe();
            evaluation = new Evaluator(config.expectVf(), config.datapath()).evaluate(first, second, Set.of());
        }
        out.print(json ? StatusJson.pretty(StatusDocuments.from(evaluation)) + "\n" : HumanReport.render(evaluation));
        out.flush();
        return evaluation.verdict().healthy() ? ExitCode.HEALTHY : ExitCode.UNHEALTHY;
    }
}
