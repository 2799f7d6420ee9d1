package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sriovagent.check.Evaluation;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.OsSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accelerated networking enabled, but the VF never reached the guest (Talos issue 7415). */
class TalosProbeTest {

    @TempDir
    Path root;

    @Test
    void syntheticNicWithoutAnyVfAndAnUnknownDistribution() {
        FixtureHost host = FixtureHost.of(root, "talos-vf-never-arrived.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(1, second.nics().size());
        assertEquals("60:45:bd:d2:3f:87", second.nic("eth0").orElseThrow().mac());
        assertNull(second.nic("eth0").orElseThrow().vf());
        assertEquals(0, second.nic("eth0").orElseThrow().counters().vfPackets());
        assertEquals(List.of(), second.vfFunctions());
        assertEquals("talos", second.os().distro());
        assertNull(second.os().distroVersion());
        assertEquals("6.1.30-talos", second.os().kernel());
        assertEquals(OsSupport.Status.UNKNOWN, second.os().support().status());
        assertEquals(List.of(), first.readErrors(), "empty lspci output is true for a VM without PCI devices");

        Evaluation evaluation = evaluate(first, second);
        assertEquals("skip", statuses(evaluation).get("kernel_version"));
        assertEquals("fail", statuses(evaluation).get("vf_present"));
        assertEquals("skip", statuses(evaluation).get("vf_driver_bound"));
        assertEquals(List.of("vf_present"), evaluation.verdict().reasons());
    }
}
