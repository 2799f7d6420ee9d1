package io.sriovagent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider as the agent finds it, wired with real commands: {@code --ethtool command} and {@code --lspci-command}
 * point at scripts printing the fixture host's captured output.
 */
class LinuxProbeProviderTest {

    @TempDir
    Path root;
    @TempDir
    Path bin;

    @Test
    void isFoundByTheServiceLoaderForLinux() {
        List<PlatformProbeProvider> providers = ServiceLoader.load(PlatformProbeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(provider -> provider.platform().equals("linux")).toList();

        assertEquals(1, providers.size());
        assertEquals(LinuxProbeProvider.class, providers.get(0).getClass());
        assertEquals(System.getProperty("os.name").startsWith("Linux"), providers.get(0).supportsCurrentOs());
    }

    @Test
    void probesAFixtureHostThroughRealCommands() throws IOException {
        FixtureHost.of(root, "cx4lx-gen1-2nic.hosttree");
        Path ethtool = script("ethtool", "[ \"$1\" = -S ] || exit 64\nexec cat '" + root + "/fixture/ethtool/'\"$2\"");
        Path lspci = script("lspci", "[ \"$*\" = '-D -vmm -nn -k' ] || exit 64\nexec cat '" + root + "/fixture/lspci'");
        Instant now = Instant.parse("2025-06-03T18:00:26Z");
        ProbeSettings settings = new ProbeSettings(root, ProbeSettings.EthtoolSource.COMMAND, ethtool.toString(),
                lspci.toString(), Duration.ofSeconds(10), InstantSource.fixed(now), () -> 42L);

        try (PlatformProbe probe = new LinuxProbeProvider().create(settings)) {
            HostSnapshot snapshot = probe.probe();

            assertEquals(List.of(), snapshot.readErrors());
            assertEquals(now, snapshot.takenAt());
            assertEquals(42L, snapshot.monotonicNanos());
            assertEquals("enP31819s1", snapshot.nic("eth0").orElseThrow().vf().name());
            assertEquals(new NicCounters(NicCounters.Source.NETVSC_ETHTOOL, 111180, 9107646, 395460237, 2184786508L,
                    0, 4709, 1188), snapshot.nic("eth0").orElseThrow().counters());
            assertTrue(snapshot.vfFunctions().stream()
                    .allMatch(function -> function.model().equals("ConnectX-4 Lx Virtual Function")));
        }
    }

    @Test
    void aHostRootWithoutSysClassNetIsRejectedWithTheReason() {
        ProbeSettings settings = ProbeSettings.of(root.resolve("not-a-host"), ProbeSettings.EthtoolSource.COMMAND,
                "ethtool", "lspci", Duration.ofSeconds(1));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LinuxProbeProvider().create(settings));

        assertEquals("--host-root " + root.resolve("not-a-host") + ": no sys/class/net under it (is /sys mounted"
                + " there?)", error.getMessage());
    }

    private Path script(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
