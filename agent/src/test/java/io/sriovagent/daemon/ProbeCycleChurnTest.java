package io.sriovagent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.metrics.SriovMetrics;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The whole probe cycle under VF churn: nothing the daemon keeps grows with the number of VF changes. */
class ProbeCycleChurnTest {

    @Test
    void tenThousandRemoveAndReAddCyclesLeaveEveryStructureFlat() {
        ManualClock clock = new ManualClock();
        TestHosts host = TestHosts.twoNics();
        ScriptedProbe probe = new ScriptedProbe(host, clock);
        SriovMetrics metrics = new SriovMetrics("test", DatapathThresholds.DEFAULTS);
        HealthPolicy policy = new HealthPolicy(Duration.ofSeconds(300), 10, clock);
        ProbeCycle cycle = new ProbeCycle(probe, new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS), policy,
                metrics, clock);
        Logger agentLogs = Logger.getLogger("io.sriovagent");
        Level level = agentLogs.getLevel();
        agentLogs.setLevel(Level.OFF); // two transition lines per cycle: correct, but 20,000 of them
        try {
            cycle.run();
            clock.advanceSeconds(5);
            host.eth0Vf(false);
            cycle.run();
            clock.advanceSeconds(5);
            host.eth0Vf(true).eth0VfReplacedBy(0x1000);
            PublishedState first = cycle.run();
            int meters = metrics.meterCount();
            int scrapeLines = lines(first);

            PublishedState last = first;
            for (int i = 1; i <= 10_000; i++) {
                clock.advanceSeconds(5);
                host.eth0Vf(false).traffic(100, 10, 100, 10);
                cycle.run();
                clock.advanceSeconds(5);
                host.eth0Vf(true).eth0VfReplacedBy(0x1000 + i);
                last = cycle.run();
            }

            assertEquals(meters, metrics.meterCount());
            assertEquals(scrapeLines, lines(last));
            assertTrue(policy.rememberedRemovals() <= 11, "flap history: " + policy.rememberedRemovals());
            assertTrue(policy.openIncidents() <= 1, "grace incidents: " + policy.openIncidents());
            assertTrue(last.metricsText().toString().contains("sriov_vf_removals_total{interface=\"eth0\"} 10001.0"));
            assertEquals(java.util.List.of("vf_flapping:eth0"), last.verdict().reasons());
        } finally {
            agentLogs.setLevel(level);
        }
    }

    private static int lines(PublishedState state) {
        return (int) state.metricsText().toString().lines().count();
    }
}
