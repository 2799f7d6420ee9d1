package io.sriovagent.metrics;

import static io.sriovagent.host.Snapshots.ETH0_MAC;
import static io.sriovagent.host.Snapshots.ETH1_MAC;
import static io.sriovagent.host.Snapshots.counters;
import static io.sriovagent.host.Snapshots.cx4;
import static io.sriovagent.host.Snapshots.host;
import static io.sriovagent.host.Snapshots.nic;
import static io.sriovagent.host.Snapshots.vf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.Snapshots;
import io.sriovagent.host.VfInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The series of CONTRACT §4. Snapshots are synthetic, named after the ConnectX-4 Lx 2-NIC capture through
 * {@link Snapshots}; counter values are made up.
 */
class SriovMetricsTest {

    private static final VfInterface ETH0_VF = vf("enP31819s1", ETH0_MAC, cx4("7c4b:00:02.0", "enP31819s1"));
    private static final VfInterface ETH1_VF = vf("enP41968s2", ETH1_MAC, cx4("a3f0:00:02.0", "enP41968s2"));

    private final SriovMetrics metrics = new SriovMetrics("0.1.0", DatapathThresholds.DEFAULTS);
    private final Evaluator evaluator = new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS);
    private HostSnapshot previous;

    private Evaluation probe(HostSnapshot current) {
        Evaluation evaluation = evaluator.evaluate(previous, current, Set.of());
        previous = current;
        return evaluation;
    }

    private static HostSnapshot host(long seconds, VfInterface eth0Vf, NicCounters eth0, VfInterface eth1Vf,
                                     NicCounters eth1) {
        return Snapshots.host().at(seconds)
                .nic(nic("eth0", ETH0_MAC, eth0Vf, eth0))
                .nic(nic("eth1", ETH1_MAC, eth1Vf, eth1))
                .build();
    }

    private String text() {
        return new String(metrics.render(ExpositionFormat.PROMETHEUS_TEXT), StandardCharsets.UTF_8);
    }

    /** The value of the one sample line that has this name and carries every given label pair. */
    private static String value(String scrape, String name, String... labels) {
        List<String> matches = scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> {
                    for (String label : labels) {
                        if (!line.contains(label)) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
        assertEquals(1, matches.size(), name + " " + List.of(labels) + " in\n" + scrape);
        String line = matches.get(0);
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    @Test
    void everyContractSeriesIsThere() {
        metrics.update(probe(host(0, ETH0_VF, counters(1000, 10), ETH1_VF, counters(0, 0))), List.of(),
                Duration.ofMillis(7));
        metrics.update(probe(host(5, ETH0_VF, counters(11000, 30), ETH1_VF, counters(0, 0))), List.of(),
                Duration.ofMillis(7));

        String scrape = text();
        assertEquals("1", value(scrape, "sriov_agent_build_info", "version=\"0.1.0\""));
        assertEquals("1.0", value(scrape, "sriov_health_status"));
        assertEquals("1.0", value(scrape, "sriov_check_status", "check=\"kernel_version\"", "interface=\"\"",
                "device=\"\""));
        assertEquals("1.0", value(scrape, "sriov_check_status", "check=\"vf_driver_bound\"",
                "device=\"7c4b:00:02.0\"", "interface=\"\""));
        assertEquals("1.0", value(scrape, "sriov_vf_present", "interface=\"eth0\""));
        assertEquals("1", value(scrape, "sriov_vf_info", "interface=\"eth0\"", "vf_interface=\"enP31819s1\"",
                "pci_address=\"7c4b:00:02.0\"", "vendor_id=\"15b3\"", "device_id=\"1016\"", "driver=\"mlx5_core\""));
        assertEquals("1.0", value(scrape, "sriov_vf_link_up", "interface=\"eth0\""));
        assertEquals("5500.0", value(scrape, "sriov_vf_rx_packets_total", "interface=\"eth0\""));
        assertEquals("5500.0", value(scrape, "sriov_vf_tx_packets_total", "interface=\"eth0\""));
        assertEquals("7700000.0", value(scrape, "sriov_vf_rx_bytes_total", "interface=\"eth0\""));
        assertEquals("3300000.0", value(scrape, "sriov_vf_tx_bytes_total", "interface=\"eth0\""));
        assertEquals("0.0", value(scrape, "sriov_vf_tx_dropped_total", "interface=\"eth0\""));
        assertEquals("15.0", value(scrape, "sriov_synthetic_rx_packets_total", "interface=\"eth0\""));
        assertEquals("15.0", value(scrape, "sriov_synthetic_tx_packets_total", "interface=\"eth0\""));
        assertEquals("0.998003992015968", value(scrape, "sriov_vf_share", "interface=\"eth0\""));
        assertEquals("NaN", value(scrape, "sriov_vf_share", "interface=\"eth1\""), "idle window");
        assertEquals("0.0", value(scrape, "sriov_vf_removals_total", "interface=\"eth0\""));
        assertEquals("2", value(scrape, "sriov_probe_duration_seconds_count"));
        assertTrue(scrape.contains("# TYPE sriov_probe_duration_seconds histogram"), scrape);
    }

    @Test
    void nicSeriesStayAtZeroWhileTheVfIsAwayAndItsPairingLeaves() {
        metrics.update(probe(host(0, ETH0_VF, counters(1000, 10), ETH1_VF, counters(50, 0))), List.of(),
                Duration.ZERO);
        metrics.update(probe(host(5, ETH0_VF, counters(2000, 10), null, counters(50, 900))), List.of("eth1"),
                Duration.ZERO);

        String scrape = text();
        assertEquals("0.0", value(scrape, "sriov_vf_present", "interface=\"eth1\""));
        assertEquals("0.0", value(scrape, "sriov_vf_link_up", "interface=\"eth1\""));
        assertEquals("25.0", value(scrape, "sriov_vf_rx_packets_total", "interface=\"eth1\""),
                "the counters stay with their last totals");
        assertEquals("1.0", value(scrape, "sriov_vf_removals_total", "interface=\"eth1\""));
        assertFalse(scrape.contains("vf_interface=\"enP41968s2\""), "no current pairing, no info series");
        assertFalse(scrape.contains("device=\"a3f0:00:02.0\""), "the VF's PCI function left with it");
        assertEquals("0.0", value(scrape, "sriov_health_status"), "eth1 had a VF: expected to keep it");
    }

    @Test
    void countersNeverGoDownAcrossAResetOfTheHostCounters() {
        metrics.update(probe(host(0, ETH0_VF, counters(9000, 10), ETH1_VF, counters(0, 0))), List.of(),
                Duration.ZERO);
        metrics.update(probe(host(5, ETH0_VF, counters(400, 10), ETH1_VF, counters(0, 0))), List.of(),
                Duration.ZERO);

        assertEquals("4700.0", value(text(), "sriov_vf_rx_packets_total", "interface=\"eth0\""),
                "4500 before the reset + 200 after it");
    }

    @Test
    void tenThousandVfReplacementsLeaveTheRegistryFlat() {
        metrics.update(probe(host(0, ETH0_VF, counters(0, 0), ETH1_VF, counters(0, 0))), List.of(), Duration.ZERO);
        int meters = metrics.meterCount();
        long lines = text().lines().count();

        for (int i = 1; i <= 10_000; i++) {
            int domain = 0x1000 + i;
            String name = "enP" + domain + "s1";
            VfInterface moved = vf(name, ETH0_MAC, cx4(String.format("%04x:00:02.0", domain), name));
            metrics.update(probe(host(2L * i - 1, null, counters(i, i), ETH1_VF, counters(i, i))), List.of("eth0"),
                    Duration.ZERO);
            metrics.update(probe(host(2L * i, moved, counters(i, i), ETH1_VF, counters(i, i))), List.of(),
                    Duration.ZERO);
        }

        assertEquals(meters, metrics.meterCount());
        String scrape = text();
        assertEquals(lines, scrape.lines().count());
        assertEquals("10000.0", value(scrape, "sriov_vf_removals_total", "interface=\"eth0\""));
        assertEquals("1", value(scrape, "sriov_vf_info", "interface=\"eth0\"", "vf_interface=\"enP14096s1\""));
    }

    @Test
    void readErrorsAreCountedBySourceWithABoundedLabelSet() {
        Snapshots broken = Snapshots.host().nic(nic("eth0", ETH0_MAC, ETH0_VF, null));
        for (int i = 0; i < SriovMetrics.MAX_ERROR_SOURCES + 5; i++) {
            broken.error(new ReadError("source" + i, "/sys/x", "Permission denied"));
        }
        broken.error(new ReadError("sysfs", "/sys/class/net/eth0/mtu", "Permission denied"));
        HostSnapshot snapshot = broken.build();
        metrics.update(probe(snapshot), List.of(), Duration.ZERO);
        metrics.update(probe(snapshot), List.of(), Duration.ZERO);

        String scrape = text();
        assertEquals("2.0", value(scrape, "sriov_probe_errors_total", "source=\"source0\""));
        assertEquals("12.0", value(scrape, "sriov_probe_errors_total", "source=\"other\""), "5 + sysfs, twice");
        assertEquals(SriovMetrics.MAX_ERROR_SOURCES + 1, scrape.lines()
                .filter(line -> line.startsWith("sriov_probe_errors_total{")).count());
    }

    @Test
    void openMetricsRenderingIsWellFormed() {
        metrics.update(probe(host(0, ETH0_VF, counters(1000, 10), null, counters(0, 0))), List.of(),
                Duration.ofMillis(3));

        String scrape = new String(metrics.render(ExpositionFormat.OPENMETRICS), StandardCharsets.UTF_8);
        assertTrue(scrape.endsWith("# EOF\n"), scrape);
        assertTrue(scrape.contains("# TYPE sriov_vf info\n"), scrape);
        assertTrue(scrape.contains("# TYPE sriov_agent_build info\n"), scrape);
        assertTrue(scrape.contains("# TYPE sriov_vf_rx_packets counter\n"), scrape);
        assertTrue(scrape.contains("\nsriov_vf_rx_packets_total{interface=\"eth0\"} 500.0\n"), scrape);
        assertFalse(scrape.contains("# TYPE sriov_vf_rx_packets_total"), "OpenMetrics names the family without _total");
        long eofLines = scrape.lines().filter(line -> line.equals("# EOF")).count();
        assertEquals(1, eofLines);
    }

    @Test
    void promtoolFindsNothingToReport() throws Exception {
        metrics.update(probe(host(0, ETH0_VF, counters(1000, 10), ETH1_VF, counters(0, 0))), List.of(),
                Duration.ofMillis(3));
        metrics.update(probe(host(5, null, counters(5000, 10), ETH1_VF, counters(0, 0))), List.of("eth0"),
                Duration.ofMillis(3));

        assertEquals("", Promtool.checkMetrics(metrics.render(ExpositionFormat.PROMETHEUS_TEXT)));
    }
}
