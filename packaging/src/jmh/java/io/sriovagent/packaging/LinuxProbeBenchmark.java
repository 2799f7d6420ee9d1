package io.sriovagent.packaging;

import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.hosttree.HostTreeArchive;
import io.sriovagent.linux.LinuxPlatformProbe;
import io.sriovagent.linux.ethtool.EthtoolStatsParser;
import io.sriovagent.linux.ethtool.NicStatistics;
import io.sriovagent.linux.ethtool.NicStatisticsSource;
import io.sriovagent.linux.exec.CommandRunner;
import io.sriovagent.linux.pci.LspciRunner;
import io.sriovagent.linux.sysfs.HostRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One probe of the real Linux probe, and one probe plus evaluation, on the 2-NIC ConnectX-4 Lx fixture host
 * (platform-linux/src/test/resources/hosts/cx4lx-gen1-2nic + .traffic, unpacked into a temporary directory). The
 * SIOCETHTOOL ioctl needs real interfaces, so statistics are parsed in-process from the fixture's captured
 * {@code ethtool -S} text; lspci (a process, run once: its answer is cached while the VF set stays the same) prints
 * the fixture's capture. Run from the packaging directory: the fixtures are read relative to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinuxProbeBenchmark {

    private static final Path HOSTS = Path.of("..", "platform-linux", "src", "test", "resources", "hosts");

    private Path root;
    private LinuxPlatformProbe probe;
    private final Evaluator evaluator = new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS);
    private HostSnapshot previous;

    @Setup
    public void setUp() throws IOException {
        root = Files.createTempDirectory("sriov-bench-host");
        for (String archive : new String[] {"cx4lx-gen1-2nic.hosttree", "cx4lx-gen1-2nic.traffic.hosttree"}) {
            HostTreeArchive.unpack(Files.readString(HOSTS.resolve(archive), StandardCharsets.UTF_8), root);
        }
        Path lspci = root.resolve("lspci.sh");
        Files.writeString(lspci, "#!/bin/sh\nexec cat \"" + root + "/fixture/lspci\"\n");
        Files.setPosixFilePermissions(lspci, PosixFilePermissions.fromString("rwxr-xr-x"));
        AtomicLong nanos = new AtomicLong();
        Instant start = Instant.parse("2025-06-03T18:00:26Z");
        probe = new LinuxPlatformProbe(new HostRoot(root), new FixtureText(root),
                LspciRunner.command(new CommandRunner(Duration.ofSeconds(10)), lspci.toString()),
                () -> start.plusNanos(nanos.get()), () -> nanos.addAndGet(5_000_000_000L));
        previous = probe.probe();
    }

    @TearDown
    public void tearDown() throws IOException {
        probe.close();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public HostSnapshot probe() {
        return probe.probe();
    }

    @Benchmark
    public Evaluation probeAndEvaluate() {
        HostSnapshot current = probe.probe();
        Evaluation evaluation = evaluator.evaluate(previous, current, Set.of());
        previous = current;
        return evaluation;
    }

    /** Statistics from the fixture's captured {@code ethtool -S} text, parsed by the probe's own parser. */
    private static final class FixtureText implements NicStatisticsSource {
        private final Path directory;

        FixtureText(Path root) {
            this.directory = root.resolve("fixture/ethtool");
        }

        @Override
        public NicStatistics read(String interfaceName) {
            try {
                return EthtoolStatsParser.parse(Files.readString(directory.resolve(interfaceName)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String name() {
            return "fixture";
        }
    }
}
