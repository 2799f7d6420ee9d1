package io.sriovagent.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;

/**
 * {@code sriov_agent_build_info} and {@code sriov_vf_info} as real info metrics.
 *
 * <p>Micrometer's Prometheus registry strips a gauge's {@code _info} suffix (the Prometheus client reserves it), so
 * these two are collected straight into the underlying registry as info snapshots: text 0.0.4 renders them as
 * gauges named {@code ..._info} with value 1, OpenMetrics as type {@code info}. Info metrics are 1 by definition, so
 * {@code sriov_vf_info} exists only for a current pairing; {@code sriov_vf_present} says when there is none.
 */
final class InfoMetrics implements MultiCollector {

    /** The labels of one current NIC-VF pairing. */
    record Pairing(String vfInterface, String pciAddress, String vendorId, String deviceId, String driver) {
    }

    private final String version;
    private volatile Map<String, Pairing> pairings = Map.of();

    InfoMetrics(String version) {
        this.version = version;
    }

    /** Replaces the current pairings (synthetic NIC name to its VF); the previous ones leave no trace. */
    void pairings(Map<String, Pairing> current) {
        this.pairings = Map.copyOf(current);
    }

    @Override
    public MetricSnapshots collect() {
        InfoSnapshot.Builder vf = InfoSnapshot.builder().name("sriov_vf")
                .help("The VF currently paired with a synthetic NIC (value 1; absent while none is)");
        pairings.forEach((nic, pairing) -> vf.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                .labels(Labels.of("interface", nic,
                        "vf_interface", pairing.vfInterface(),
                        "pci_address", orEmpty(pairing.pciAddress()),
                        "vendor_id", orEmpty(pairing.vendorId()),
                        "device_id", orEmpty(pairing.deviceId()),
                        "driver", orEmpty(pairing.driver())))
                .build()));
        InfoSnapshot build = InfoSnapshot.builder().name("sriov_agent_build")
                .help("The running sriov-agent (value 1)")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("version", version)).build())
                .build();
        return new MetricSnapshots(build, vf.build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("sriov_agent_build", "sriov_vf");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
