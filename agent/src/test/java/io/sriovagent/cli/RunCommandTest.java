package io.sriovagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sriovagent.check.CheckId;
import io.sriovagent.check.CheckResult;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.daemon.PublishedState;
import io.sriovagent.host.Snapshots;
import io.sriovagent.metrics.SriovMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    private static PublishedState state(CheckResult... checks) {
        Evaluation evaluation = new Evaluation(Snapshots.host().build(), List.of(checks), Map.of());
        return PublishedState.render(evaluation, new SriovMetrics("test", DatapathThresholds.DEFAULTS));
    }

    @Test
    void theServiceStatusLineNamesTheVerdictItsReasonsAndWhereItServes() {
        PublishedState healthy = state(CheckResult.pass(CheckId.VF_PRESENT, CheckResult.Scope.INTERFACE, "eth0",
                "VF enP31819s1 is enslaved to eth0"));
        PublishedState unhealthy = state(CheckResult.failed(CheckId.VF_PRESENT, CheckResult.Scope.INTERFACE, "eth1",
                "no VF is paired with eth1"), CheckResult.failed(CheckId.VF_FLAPPING, CheckResult.Scope.INTERFACE,
                "eth0", "at least 11 VF removals"));

        assertEquals("Healthy, serving http://127.0.0.1:9798",
                RunCommand.ServiceStatus.text(healthy, "http://127.0.0.1:9798"));
        assertEquals("Unhealthy (vf_present:eth1, vf_flapping:eth0), serving http://127.0.0.1:9798",
                RunCommand.ServiceStatus.text(unhealthy, "http://127.0.0.1:9798"));
    }

    @Test
    void daemonSettingsCarryTheResolvedOptions() throws UsageException {
        AgentConfig config = new ConfigResolver(Map.of()).resolve(List.of("--interval", "2.5", "--grace", "60",
                "--flap-limit", "4", "--listen", "[::1]:0", "--metrics-listen", "0.0.0.0:9799"), false).config();

        var settings = RunCommand.settings(config);

        assertEquals(java.time.Duration.ofMillis(2500), settings.interval());
        assertEquals(java.time.Duration.ofSeconds(60), settings.grace());
        assertEquals(4, settings.flapLimit());
        assertEquals("[::1]:0", settings.listen().toString());
        assertEquals("0.0.0.0:9799", settings.metricsListen().toString());
        assertEquals(RunCommand.SHUTDOWN_TIMEOUT, settings.shutdownTimeout());
    }
}
