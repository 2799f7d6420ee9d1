package io.sriovagent.daemon;

import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.metrics.ExpositionFormat;
import io.sriovagent.metrics.SriovMetrics;
import io.sriovagent.probe.PlatformProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The daemon's work per probe, without the platform read: evaluate, apply the health policy, update the meters and
 * render everything served until the next probe; and rendering {@code /metrics} alone. The host is the scripted
 * two-NIC host of the daemon tests (synthetic, named after the ConnectX-4 Lx 2-NIC capture), its counters advancing
 * by a fixed step every probe. The real Linux probe is measured in the packaging module.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DaemonBenchmarks {

    private ProbeCycle cycle;
    private SriovMetrics rendered;

    @Setup
    public void setUp() {
        AtomicLong clock = new AtomicLong();
        TestHosts host = TestHosts.twoNics();
        PlatformProbe probe = () -> {
            long seconds = clock.addAndGet(5_000_000_000L) / 1_000_000_000L;
            return host.traffic(10_000, 20, 5_000, 5).at(seconds);
        };
        SriovMetrics metrics = new SriovMetrics("bench", DatapathThresholds.DEFAULTS);
        cycle = new ProbeCycle(probe, new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS),
                new HealthPolicy(Duration.ofSeconds(300), 10, clock::get), metrics, clock::get);
        for (int i = 0; i < 3; i++) {
            cycle.run();
        }
        rendered = metrics;
    }

    /** One probe's worth of daemon work, producing every answer (health, status JSON, both scrape formats). */
    @Benchmark
    public PublishedState evaluatePublishAndRender() {
        return cycle.run();
    }

    @Benchmark
    public byte[] renderMetricsText() {
        return rendered.render(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @Benchmark
    public byte[] renderMetricsOpenMetrics() {
        return rendered.render(ExpositionFormat.OPENMETRICS);
    }
}
