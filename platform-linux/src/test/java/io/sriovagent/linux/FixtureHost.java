package io.sriovagent.linux;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.hosttree.HostTreeArchive;
import io.sriovagent.linux.pci.LspciRunner;
import io.sriovagent.linux.sysfs.HostRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixture host: archives from {@code src/test/resources/hosts} unpacked into a directory, probed by the real
 * {@link LinuxPlatformProbe} with the statistics source and lspci reading the fixture's own files. Each probe
 * advances both clocks by {@link #PROBE_INTERVAL}, as the daemon's timer would.
 */
final class FixtureHost {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    static final Instant START = Instant.parse("2025-06-03T18:00:26Z");

    private final Path root;
    private final AtomicLong probes = new AtomicLong();
    private final FixtureLspci lspci;
    private final LinuxPlatformProbe probe;

    private FixtureHost(Path root, LspciRunner lspciRunner, HostRoot.FileReader reader) {
        this.root = root;
        this.lspci = new FixtureLspci(root);
        InstantSource wallClock = () -> START.plus(PROBE_INTERVAL.multipliedBy(probes.get()));
        this.probe = new LinuxPlatformProbe(
                reader == null ? new HostRoot(root) : new HostRoot(root, reader),
                new FixtureStatisticsSource(root),
                lspciRunner == null ? lspci : lspciRunner,
                wallClock,
                () -> PROBE_INTERVAL.toNanos() * probes.get());
    }

    /** Unpacks the archives (later ones overlay earlier ones) into {@code root}. */
    static FixtureHost of(Path root, String... archives) {
        return builder(root, archives).build();
    }

    static Builder builder(Path root, String... archives) {
        overlay(root, archives);
        return new Builder(root);
    }

    /** Applies more archives to the tree between probes. */
    void overlay(String... archives) {
        overlay(root, archives);
    }

    HostSnapshot probe() {
        HostSnapshot snapshot = probe.probe();
        probes.incrementAndGet();
        return snapshot;
    }

    FixtureLspci lspci() {
        return lspci;
    }

    Path root() {
        return root;
    }

    private static void overlay(Path root, String... archives) {
        for (String archive : archives) {
            try (InputStream in = FixtureHost.class.getResourceAsStream("/hosts/" + archive)) {
                if (in == null) {
                    throw new IllegalArgumentException("no fixture host archive " + archive);
                }
                HostTreeArchive.unpack(new String(in.readAllBytes(), StandardCharsets.UTF_8), root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** For tests that replace lspci or wrap file reads. */
    static final class Builder {
        private final Path root;
        private LspciRunner lspci;
        private HostRoot.FileReader reader;

        private Builder(Path root) {
            this.root = root;
        }

        Builder lspci(LspciRunner runner) {
            this.lspci = runner;
            return this;
        }

        Builder fileReader(HostRoot.FileReader fileReader) {
            this.reader = fileReader;
            return this;
        }

        FixtureHost build() {
            return new FixtureHost(root, lspci, reader);
        }
    }
}
