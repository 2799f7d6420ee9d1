package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules and the dashboard use only series the agent exports (CONTRACT §4) or that the rules record, and are
 * complete enough to act on. Syntax and alert behaviour are checked by promtool in CI (.ci/checks/prometheus.sh).
 */
class PrometheusSamplesTest {

    /** The series of CONTRACT §4, plus Prometheus's own `up`. */
    private static final Set<String> EXPORTED = Set.of("sriov_agent_build_info", "sriov_health_status",
            "sriov_check_status", "sriov_vf_present", "sriov_vf_info", "sriov_vf_link_up",
            "sriov_vf_rx_packets_total", "sriov_vf_tx_packets_total", "sriov_vf_rx_bytes_total",
            "sriov_vf_tx_bytes_total", "sriov_vf_tx_dropped_total", "sriov_synthetic_rx_packets_total",
            "sriov_synthetic_tx_packets_total", "sriov_vf_share", "sriov_vf_removals_total",
            "sriov_probe_duration_seconds_count", "sriov_probe_duration_seconds_sum", "sriov_probe_errors_total",
            "up");
    /** Metric names: sriov_* and level:metric:operation recording-rule names. */
    private static final Pattern METRIC = Pattern.compile("\\b(sriov_\\w+|up|\\w+:\\w+:\\w+)\\b");
    private static final Path DIR = Path.of("deploy/prometheus");

    private static JsonNode rules;
    private static JsonNode dashboard;
    private static final Set<String> recorded = new HashSet<>();

    @BeforeAll
    static void read() throws IOException {
        rules = new YAMLMapper().readTree(DIR.resolve("sriov-agent.rules.yml").toFile());
        dashboard = new ObjectMapper().readTree(DIR.resolve("grafana-dashboard.json").toFile());
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                if (rule.has("record")) {
                    recorded.add(rule.get("record").asText());
                }
            }
        }
    }

    @Test
    void rulesUseOnlyKnownSeries() {
        Set<String> unknown = new TreeSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                unknown.addAll(unknownMetrics(rule.get("expr").asText()));
            }
        }
        assertEquals(Set.of(), unknown);
    }

    @Test
    void everyAlertSaysHowBadAndWhatToDo() {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                if (rule.has("alert")) {
                    String name = rule.get("alert").asText();
                    names.add(name);
                    assertTrue(Set.of("info", "warning", "critical").contains(rule.at("/labels/severity").asText()),
                            name);
                    assertFalse(rule.at("/annotations/summary").asText().isBlank(), name);
                    assertFalse(rule.at("/annotations/description").asText().isBlank(), name);
                }
            }
        }
        // The alerts the operations guide documents.
        assertEquals(new TreeSet<>(Set.of("SriovAgentDown", "SriovAgentProbeStalled", "SriovHostUnhealthy",
                "SriovVfMissing", "SriovDatapathOffVf", "SriovVfFlapping", "SriovKernelBelowMinimum",
                "SriovFleetUnhealthy", "SriovProbeErrors")), names);
    }

    @Test
    void dashboardQueriesUseOnlyKnownSeriesAndDefinedVariables() {
        Set<String> variables = new HashSet<>();
        dashboard.at("/templating/list").forEach(variable -> variables.add(variable.get("name").asText()));
        Set<String> unknown = new TreeSet<>();
        Set<String> undefined = new TreeSet<>();
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.get("expr").asText();
                queries++;
                unknown.addAll(unknownMetrics(expr));
                Matcher variable = Pattern.compile("\\$(\\w+)").matcher(expr);
                while (variable.find()) {
                    if (!variables.contains(variable.group(1))) {
                        undefined.add(variable.group(1));
                    }
                }
                assertEquals("${datasource}", target.at("/datasource/uid").asText());
            }
        }
        assertTrue(queries > 10, "queries: " + queries);
        assertEquals(Set.of(), unknown);
        assertEquals(Set.of(), undefined);
    }

    @Test
    void dashboardHasAFleetOverviewAndAPerVmRowWithUniquePanelIds() {
        Set<String> rows = new TreeSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertTrue(ids.add(panel.get("id").asInt()), "duplicate panel id " + panel.get("id"));
            if (panel.get("type").asText().equals("row")) {
                rows.add(panel.get("title").asText());
            }
        }
        assertEquals(Set.of("Fleet", "VM: $instance"), rows);
        assertEquals("sriov-agent", dashboard.get("uid").asText());
    }

    private static Set<String> unknownMetrics(String expr) {
        // Label values ("vf_present", "sriov-agent") are quoted: drop them before looking for names.
        String withoutStrings = expr.replaceAll("\"[^\"]*\"", "\"\"");
        Set<String> unknown = new TreeSet<>();
        Matcher m = METRIC.matcher(withoutStrings);
        while (m.find()) {
            String name = m.group(1);
            if (!EXPORTED.contains(name) && !recorded.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }
}
