package io.sriovagent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Runs the real probe on the machine running the build, through the service loader, with the real lspci:
 * a Linux machine that is not an Azure VM (a virtio NIC) has no synthetic NIC and nothing unreadable.
 */
class ThisMachineProbeTest {

    @Test
    void probesThisMachineWithoutSyntheticNicsOrReadErrors() {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net")), "needs a Linux sysfs");
        assumeTrue(!Files.isDirectory(Path.of("/sys/bus/vmbus/drivers/hv_netvsc")), "this machine is a Hyper-V guest");
        PlatformProbeProvider provider = ServiceLoader.load(PlatformProbeProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.platform().equals("linux"))
                .findFirst().orElseThrow();
        assertTrue(provider.supportsCurrentOs());
        ProbeSettings settings = ProbeSettings.of(Path.of("/"), ProbeSettings.EthtoolSource.COMMAND, "ethtool",
                "lspci", Duration.ofSeconds(10));

        try (PlatformProbe probe = provider.create(settings)) {
            HostSnapshot first = probe.probe();
            HostSnapshot second = probe.probe();

            assertEquals(0, first.nics().size(), first.nics().toString());
            assertEquals(0, first.vfFunctions().size(), first.vfFunctions().toString());
            assertEquals(0, first.unpairedVfs().size());
            assertEquals(java.util.List.of(), first.readErrors());
            assertEquals(java.util.List.of(), second.readErrors());
            assertEquals("linux", first.os().os());
            assertNotNull(first.os().kernel());
            assertNotNull(first.os().distro());
        }
    }
}
