package io.sriovagent.daemon;

import static io.sriovagent.daemon.TestHosts.twoNics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.CheckId;
import io.sriovagent.check.CheckResult;
import io.sriovagent.check.CheckStatus;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.Snapshots;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    private static final Duration GRACE = Duration.ofSeconds(300);

    private final PolicyHarness harness = new PolicyHarness(GRACE, 10);

    @Test
    void firstProbeLeavesWindowChecksPendingAndIsHealthy() {
        harness.probe(twoNics());

        assertTrue(harness.healthy());
        assertEquals(CheckStatus.PENDING, harness.result(CheckId.DATAPATH, "eth0").status());
        CheckResult flapping = harness.result(CheckId.VF_FLAPPING, "eth0");
        assertEquals(CheckStatus.PENDING, flapping.status());
        assertEquals("VF removals are counted from the second probe on (limit 10 per hour)", flapping.message());
        assertEquals(Set.of("eth0", "eth1"), harness.policy.nicsThatHadVf());
    }

    @Test
    void vfGoneThirtySecondsWithinTheGraceStaysHealthy() {
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.eth1Vf(false));
        harness.probeAfter(25, host);

        assertTrue(harness.healthy(), harness.last.published().checks().toString());
        CheckResult present = harness.result(CheckId.VF_PRESENT, "eth1");
        assertEquals(CheckStatus.PENDING, present.status());
        assertTrue(present.message().startsWith("for 25 s, within the 300 s grace: no VF is paired with eth1"),
                present.message());
        assertEquals(Set.of("vf_present:eth1"), harness.last.tolerated());
    }

    @Test
    void vfGonePastTheGraceTurnsUnhealthyWithTheReason() {
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.eth1Vf(false));
        harness.probeAfter(300, host);
        assertTrue(harness.healthy(), "exactly the grace is still within it");

        harness.probeAfter(5, host);

        assertFalse(harness.healthy());
        assertEquals(List.of("vf_present:eth1"), harness.last.published().verdict().reasons());
        CheckResult present = harness.result(CheckId.VF_PRESENT, "eth1");
        assertEquals(CheckStatus.FAIL, present.status());
        assertTrue(present.message().endsWith("(failing for 305 s, longer than the 300 s grace)"), present.message());
        assertEquals(Set.of(), harness.last.tolerated());
    }

    @Test
    void vfBackIsHealthyAtOnce() {
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.eth1Vf(false));
        harness.probeAfter(600, host);
        assertFalse(harness.healthy());

        harness.probeAfter(5, host.eth1Vf(true));

        assertTrue(harness.healthy());
        assertEquals(CheckStatus.PASS, harness.result(CheckId.VF_PRESENT, "eth1").status());
        // and a new removal starts a new grace, not the old one
        harness.probeAfter(5, host.eth1Vf(false));
        assertTrue(harness.healthy());
        assertTrue(harness.result(CheckId.VF_PRESENT, "eth1").message().startsWith("for 0 s, within"));
    }

    @Test
    void vfDownIsToleratedForTheGraceToo() {
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.eth0VfState("down"));
        assertTrue(harness.healthy());
        assertEquals(CheckStatus.PENDING, harness.result(CheckId.VF_LINK, "eth0").status());

        harness.probeAfter(301, host);

        assertEquals(List.of("vf_link:eth0"), harness.last.published().verdict().reasons());
    }

    @Test
    void driverNotBoundIsNotTransientAndFailsOnceALaterProbeConfirmsIt() {
        // failure mode 4: the VF PCI function arrived but no driver took it
        PciFunction mana = Snapshots.function("7870:00:00.0", "1414", "00ba", DriverBinding.noDriver());
        HostSnapshot host = Snapshots.host().nic(Snapshots.nic("eth0", Snapshots.ETH0_MAC, null, null))
                .function(mana).build();
        Evaluation raw = new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS).evaluate(null, host, Set.of());

        HealthPolicy.Outcome first = harness.policy.apply(raw, List.of());
        harness.clock.advanceSeconds(1);
        HealthPolicy.Outcome soon = harness.policy.apply(raw, List.of());
        harness.clock.advanceSeconds(9);
        HealthPolicy.Outcome confirmed = harness.policy.apply(raw, List.of());

        assertEquals(List.of("vf_present", "vf_driver_bound:7870:00:00.0"), raw.verdict().reasons());
        assertEquals(List.of(), first.published().verdict().reasons(), "one probe may land in a hot-add");
        assertEquals(Set.of("vf_present", "vf_driver_bound:7870:00:00.0"), first.tolerated());
        assertTrue(first.published().checks().stream().anyMatch(c -> c.key().equals("vf_driver_bound:7870:00:00.0")
                && c.status() == CheckStatus.PENDING && c.message().startsWith("seen for 0 s")));
        assertEquals(List.of(), soon.published().verdict().reasons(),
                "a second probe 1 s later (--interval 1) is still within a hot-add");
        assertEquals(List.of("vf_driver_bound:7870:00:00.0"), confirmed.published().verdict().reasons(),
                "the missing VF is tolerated by the grace, the unbound driver is not");
        assertEquals(Set.of("vf_present"), confirmed.tolerated());
    }

    @Test
    void driverStateSeenOnOneProbeOnlyNeverTurnsUnhealthy() {
        PciFunction arriving = Snapshots.function("7c4b:00:02.0", "15b3", "1016", DriverBinding.noDriver());
        Evaluator evaluator = new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS);
        HostSnapshot bound = Snapshots.host().nic(Snapshots.nic("eth0", Snapshots.ETH0_MAC,
                Snapshots.vf("enP31819s1", Snapshots.ETH0_MAC, Snapshots.cx4("7c4b:00:02.0", "enP31819s1")),
                null)).build();
        HostSnapshot unbound = Snapshots.host().nic(Snapshots.nic("eth0", Snapshots.ETH0_MAC, null, null))
                .function(arriving).build();

        for (HostSnapshot host : List.of(bound, unbound, bound, unbound, bound)) {
            harness.clock.advanceSeconds(30);
            HealthPolicy.Outcome outcome = harness.policy.apply(evaluator.evaluate(null, host, Set.of()), List.of());
            assertTrue(outcome.published().verdict().healthy(), outcome.published().checks().toString());
        }
    }

    @Test
    void zeroGraceFailsAtOnce() {
        PolicyHarness strict = new PolicyHarness(Duration.ZERO, 10);
        TestHosts host = twoNics();
        strict.probe(host);

        strict.probeAfter(5, host.eth1Vf(false));

        assertEquals(List.of("vf_present:eth1"), strict.last.published().verdict().reasons());
        assertEquals("no VF is paired with eth1: no VF PCI device is present (accelerated networking disabled or"
                + " unsupported for this VM size, or the VF was withdrawn by host servicing)",
                strict.result(CheckId.VF_PRESENT, "eth1").message());
    }

    @Test
    void idleWindowsBetweenFailingOnesDoNotRestartTheGrace() {
        // failure mode 10 with bursty traffic: every busy window shows the datapath off the VF
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.traffic(0, 5000, 0, 0));
        assertEquals(CheckStatus.PENDING, harness.result(CheckId.DATAPATH, "eth0").status());
        for (int i = 0; i < 3; i++) {
            harness.probeAfter(60, host.traffic(0, 10, 0, 0));
            assertEquals(CheckStatus.SKIP, harness.result(CheckId.DATAPATH, "eth0").status(), "idle window");
            harness.probeAfter(60, host.traffic(0, 50_000, 0, 0));
        }
        assertEquals(List.of("datapath:eth0"), harness.last.published().verdict().reasons(),
                "busy windows failed from 5 s to 365 s, with idle ones between");
        assertTrue(harness.result(CheckId.DATAPATH, "eth0").message()
                .endsWith("(failing for 360 s, longer than the 300 s grace)"));
    }

    @Test
    void aFailureNotSeenAgainForLongerThanTheGraceIsForgotten() {
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.traffic(0, 5000, 0, 0));
        harness.probeAfter(400, host.traffic(0, 10, 0, 0));
        assertEquals(CheckStatus.SKIP, harness.result(CheckId.DATAPATH, "eth0").status());

        harness.probeAfter(5, host.traffic(0, 5000, 0, 0));

        assertTrue(harness.healthy());
        assertTrue(harness.result(CheckId.DATAPATH, "eth0").message().startsWith("for 0 s, within the 300 s grace"));
    }

    @Test
    void flappingBeyondTheLimitFailsAndAgesOutAfterAnHour() {
        PolicyHarness flappy = new PolicyHarness(GRACE, 3);
        TestHosts host = twoNics();
        flappy.probe(host);
        for (int i = 0; i < 3; i++) {
            flappy.probeAfter(5, host.eth0Vf(false));
            flappy.probeAfter(5, host.eth0Vf(true));
        }
        CheckResult atLimit = flappy.result(CheckId.VF_FLAPPING, "eth0");
        assertEquals(CheckStatus.PASS, atLimit.status());
        assertEquals("3 VF removals on eth0 in the 30 s since the agent started (limit 3 per hour)", atLimit.message());

        flappy.probeAfter(5, host.eth0Vf(false));
        flappy.probeAfter(5, host.eth0Vf(true));

        CheckResult over = flappy.result(CheckId.VF_FLAPPING, "eth0");
        assertEquals(CheckStatus.FAIL, over.status());
        assertTrue(over.message().startsWith("at least 4 VF removals on eth0 in the last hour (limit 3)"),
                over.message());
        assertEquals(List.of("vf_flapping:eth0"), flappy.last.published().verdict().reasons(),
                "flapping is not transient: no grace");
        assertEquals(CheckStatus.PASS, flappy.result(CheckId.VF_FLAPPING, "eth1").status());

        flappy.probeAfter(3540, host);
        assertEquals(CheckStatus.FAIL, flappy.result(CheckId.VF_FLAPPING, "eth0").status(),
                "the first removal (at 5 s) is 3575 s old: still within the hour");
        flappy.probeAfter(30, host);
        assertTrue(flappy.healthy());
        assertEquals("3 VF removals on eth0 in the last hour (limit 3 per hour)",
                flappy.result(CheckId.VF_FLAPPING, "eth0").message());
    }

    @Test
    void aVfReplacedByAnotherCountsAsARemoval() {
        PolicyHarness flappy = new PolicyHarness(GRACE, 1);
        TestHosts host = twoNics();
        flappy.probe(host);
        flappy.probeAfter(5, host.eth0VfReplacedBy(0x1111));
        assertEquals(CheckStatus.PASS, flappy.result(CheckId.VF_FLAPPING, "eth0").status());

        flappy.probeAfter(5, host.eth0VfReplacedBy(0x2222));

        assertEquals(CheckStatus.FAIL, flappy.result(CheckId.VF_FLAPPING, "eth0").status());
        assertEquals(CheckStatus.PASS, flappy.result(CheckId.VF_PRESENT, "eth0").status());
    }

    @Test
    void aNicThatNeverHadAVfIsNotJudgedForFlapping() {
        TestHosts host = twoNics().eth1Vf(false);
        harness.probe(host);
        harness.probeAfter(5, host);

        CheckResult flapping = harness.result(CheckId.VF_FLAPPING, "eth1");
        assertEquals(CheckStatus.SKIP, flapping.status());
        assertEquals("no VF seen on eth1 since the agent started", flapping.message());
        assertEquals(CheckStatus.SKIP, harness.result(CheckId.VF_PRESENT, "eth1").status());
    }

    @Test
    void aNicThatHadAVfMustKeepOneInAutoMode() {
        TestHosts host = twoNics();
        harness.probe(host);
        harness.probeAfter(5, host.eth1Vf(false));
        harness.probeAfter(5, host);

        assertEquals(Set.of("eth0", "eth1"), harness.policy.nicsThatHadVf());
        assertEquals(CheckStatus.PENDING, harness.result(CheckId.VF_PRESENT, "eth1").status(),
                "expected because it had one: tolerated, not skipped");
    }

    @Test
    void tenThousandRemovalCyclesKeepTheStateBounded() {
        PolicyHarness churn = new PolicyHarness(GRACE, 10);
        TestHosts host = twoNics();
        churn.probe(host);
        for (int i = 0; i < 10_000; i++) {
            churn.probeAfter(1, host.eth0Vf(false));
            churn.probeAfter(1, host.eth0Vf(true));
        }

        assertTrue(churn.policy.rememberedRemovals() <= 11, "kept: " + churn.policy.rememberedRemovals());
        assertTrue(churn.policy.openIncidents() <= 1, "open: " + churn.policy.openIncidents());
        assertEquals(CheckStatus.FAIL, churn.result(CheckId.VF_FLAPPING, "eth0").status());
    }

    @Test
    void publishedChecksKeepTheEvaluatorsOrderWithFlappingLast() {
        harness.probe(twoNics());

        List<String> keys = harness.last.published().checks().stream().map(CheckResult::key).toList();
        assertEquals(List.of("kernel_version", "vf_present:eth0", "vf_present:eth1", "vf_driver_bound:7c4b:00:02.0",
                "vf_driver_bound:a3f0:00:02.0", "vf_link:eth0", "vf_link:eth1", "vf_mtu:eth0", "vf_mtu:eth1",
                "datapath:eth0", "datapath:eth1", "vf_flapping:eth0", "vf_flapping:eth1"), keys);
    }
}
