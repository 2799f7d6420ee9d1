package io.sriovagent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sriovagent.check.CheckResult;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.TrafficWindow;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The series of CONTRACT §4, fed from each published evaluation and rendered in either text format.
 *
 * <p>Every series that describes a synthetic NIC is created the first time the NIC is seen and kept for the life of
 * the process, with value 0 while its VF is away: a missing series would read as "nothing wrong". Series whose
 * subject can vanish for good ({@code sriov_check_status} of a VF's PCI address, the VF pairing) are removed from the
 * registry when their subject goes, so VF churn never grows the registry.
 *
 * <p>Updated and rendered on the probe thread only; the registry itself is thread-safe.
 */
public final class SriovMetrics {

    /** Distinct {@code source} labels of {@code sriov_probe_errors_total}; later ones count as {@code other}. */
    static final int MAX_ERROR_SOURCES = 32;

    private static final double[] PROBE_BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final InfoMetrics info;
    private final DatapathThresholds thresholds;
    private final Timer probeDuration;
    private volatile double healthStatus = Double.NaN;
    private final Map<String, NicSeries> nics = new TreeMap<>();
    private final Map<CheckLabels, CheckSeries> checks = new HashMap<>();
    private final Map<String, Counter> errorsBySource = new HashMap<>();

    public SriovMetrics(String agentVersion, DatapathThresholds thresholds) {
        this.info = new InfoMetrics(agentVersion);
        this.thresholds = thresholds;
        registry.getPrometheusRegistry().register(info);
        Gauge.builder("sriov_health_status", this, metrics -> metrics.healthStatus)
                .description("1 when the published verdict is Healthy, 0 when Unhealthy").register(registry);
        Timer.Builder timer = Timer.builder("sriov_probe_duration").description("Time one host probe takes");
        Duration[] buckets = new Duration[PROBE_BUCKETS_SECONDS.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = Duration.ofNanos((long) (PROBE_BUCKETS_SECONDS[i] * 1e9));
        }
        this.probeDuration = timer.serviceLevelObjectives(buckets).register(registry);
    }

    /**
     * Brings every series up to date with one probe.
     *
     * @param published     the evaluation as published (after the health policy)
     * @param vfRemovedFrom one synthetic NIC name per VF removal seen by this probe
     * @param probeTook     how long the probe took
     */
    public void update(Evaluation published, Collection<String> vfRemovedFrom, Duration probeTook) {
        HostSnapshot host = published.snapshot();
        probeDuration.record(probeTook);
        healthStatus = published.verdict().healthy() ? 1 : 0;
        Set<String> seenNow = new HashSet<>();
        Map<String, InfoMetrics.Pairing> pairings = new TreeMap<>();
        for (SyntheticNic nic : host.nics()) {
            seenNow.add(nic.name());
            nics.computeIfAbsent(nic.name(), NicSeries::new).observe(nic, published.traffic().get(nic.name()));
            if (nic.vf() != null) {
                pairings.put(nic.name(), pairing(nic.vf()));
            }
        }
        nics.forEach((name, series) -> {
            if (!seenNow.contains(name)) {
                series.gone();
            }
        });
        for (String nic : vfRemovedFrom) {
            nics.computeIfAbsent(nic, NicSeries::new).removals++;
        }
        info.pairings(pairings);
        updateChecks(published);
        for (ReadError error : host.readErrors()) {
            errorCounter(error.source()).increment();
        }
    }

    /** The scrape body in the given format. */
    public byte[] render(ExpositionFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            registry.scrape(out, format.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("rendering metrics into memory", e);
        }
        return out.toByteArray();
    }

    /** Meters in the registry, for leak checks. */
    public int meterCount() {
        return registry.getMeters().size();
    }

    private void updateChecks(Evaluation published) {
        Map<CheckLabels, Integer> current = new HashMap<>();
        for (CheckResult result : published.checks()) {
            current.put(CheckLabels.of(result), result.status().metricValue());
        }
        checks.entrySet().removeIf(entry -> {
            if (current.containsKey(entry.getKey())) {
                return false;
            }
            registry.remove(entry.getValue().meter);
            return true;
        });
        current.forEach((labels, value) -> checks.computeIfAbsent(labels, this::newCheckSeries).value = value);
    }

    private CheckSeries newCheckSeries(CheckLabels labels) {
        CheckSeries series = new CheckSeries();
        series.meter = Gauge.builder("sriov_check_status", series, s -> s.value)
                .description("1 when the check passes, is skipped or pending; 0 when it fails or warns."
                        + " interface/device are empty when they do not apply")
                .tags("check", labels.check(), "interface", labels.iface(), "device", labels.device())
                .register(registry);
        return series;
    }

    private Counter errorCounter(String source) {
        Counter counter = errorsBySource.get(source);
        if (counter != null) {
            return counter;
        }
        String label = errorsBySource.size() < MAX_ERROR_SOURCES ? source : "other";
        return errorsBySource.computeIfAbsent(label, key -> Counter.builder("sriov_probe_errors")
                .description("Reads that failed during probes, by source")
                .tag("source", key).register(registry));
    }

    private static InfoMetrics.Pairing pairing(VfInterface vf) {
        PciFunction pci = vf.pci();
        return pci == null
                ? new InfoMetrics.Pairing(vf.name(), null, null, null, null)
                : new InfoMetrics.Pairing(vf.name(), pci.address(), pci.vendorId(), pci.deviceId(),
                        pci.driver().driver());
    }

    /** The labels of one {@code sriov_check_status} series; empty strings stand for "does not apply". */
    private record CheckLabels(String check, String iface, String device) {
        static CheckLabels of(CheckResult result) {
            String subject = result.subject();
            return new CheckLabels(result.id().wireName(),
                    result.scope() == CheckResult.Scope.INTERFACE ? subject : "",
                    result.scope() == CheckResult.Scope.DEVICE ? subject : "");
        }
    }

    private static final class CheckSeries {
        volatile int value;
        Meter meter;
    }

    /** The series of one synthetic NIC, kept from its first sighting on. */
    private final class NicSeries {
        private volatile double present;
        private volatile double linkUp;
        private volatile double share = Double.NaN;
        private volatile long removals;
        private final MirroredCounter vfRxPackets = new MirroredCounter();
        private final MirroredCounter vfTxPackets = new MirroredCounter();
        private final MirroredCounter vfRxBytes = new MirroredCounter();
        private final MirroredCounter vfTxBytes = new MirroredCounter();
        private final MirroredCounter vfTxDropped = new MirroredCounter();
        private final MirroredCounter syntheticRxPackets = new MirroredCounter();
        private final MirroredCounter syntheticTxPackets = new MirroredCounter();

        NicSeries(String nic) {
            gauge("sriov_vf_present", nic, "1 when a VF is paired with this synthetic NIC", s -> s.present);
            gauge("sriov_vf_link_up", nic, "1 when the paired VF is operationally up", s -> s.linkUp);
            gauge("sriov_vf_share", nic, "Share of the last window's packets that went through the VF"
                    + " (NaN when the window was too idle to judge)", s -> s.share);
            counter("sriov_vf_rx_packets", nic, null, "Packets received through the VF", vfRxPackets);
            counter("sriov_vf_tx_packets", nic, null, "Packets sent through the VF", vfTxPackets);
            counter("sriov_vf_rx_bytes", nic, "bytes", "Bytes received through the VF", vfRxBytes);
            counter("sriov_vf_tx_bytes", nic, "bytes", "Bytes sent through the VF", vfTxBytes);
            counter("sriov_vf_tx_dropped", nic, null, "Packets dropped on the way to the VF", vfTxDropped);
            counter("sriov_synthetic_rx_packets", nic, null,
                    "Packets received through the synthetic (VMBus) path", syntheticRxPackets);
            counter("sriov_synthetic_tx_packets", nic, null,
                    "Packets sent through the synthetic (VMBus) path", syntheticTxPackets);
            FunctionCounter.builder("sriov_vf_removals", this, s -> s.removals)
                    .description("VF disappearances seen by the agent").tag("interface", nic).register(registry);
        }

        void observe(SyntheticNic nic, TrafficWindow window) {
            VfInterface vf = nic.vf();
            present = vf == null ? 0 : 1;
            linkUp = vf != null && vf.up() ? 1 : 0;
            share = judgedShare(window);
            NicCounters counters = nic.counters();
            if (counters != null) {
                vfRxPackets.observe(counters.vfRxPackets());
                vfTxPackets.observe(counters.vfTxPackets());
                vfRxBytes.observe(counters.vfRxBytes());
                vfTxBytes.observe(counters.vfTxBytes());
                vfTxDropped.observe(counters.vfTxDropped());
                syntheticRxPackets.observe(counters.syntheticRxPackets());
                syntheticTxPackets.observe(counters.syntheticTxPackets());
            }
        }

        /** The synthetic NIC itself disappeared: nothing is paired, the counters keep their last totals. */
        void gone() {
            present = 0;
            linkUp = 0;
            share = Double.NaN;
        }

        /** The share only where the datapath check judges it, so graphs and the check never disagree. */
        private double judgedShare(TrafficWindow window) {
            return window != null && window.busy(thresholds) ? window.vfShare() : Double.NaN;
        }

        private void gauge(String name, String nic, String help, ToDoubleFunction<NicSeries> value) {
            Gauge.builder(name, this, value).description(help).tag("interface", nic).register(registry);
        }

        private void counter(String name, String nic, String unit, String help, MirroredCounter source) {
            FunctionCounter.builder(name, source, MirroredCounter::total)
                    .description(help).baseUnit(unit).tag("interface", nic).register(registry);
        }
    }
}
