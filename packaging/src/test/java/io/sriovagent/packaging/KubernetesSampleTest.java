package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sriovagent.cli.OptionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AKS DaemonSet sample: host network, read-only host mounts behind --host-root, probes, limits, no privilege. */
class KubernetesSampleTest {

    private static JsonNode daemonSet;
    private static JsonNode pod;
    private static JsonNode container;

    @BeforeAll
    static void read() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Path.of("deploy/kubernetes/sriov-agent-daemonset.yaml").toFile())) {
            it.forEachRemaining(documents::add);
        }
        daemonSet = documents.stream().filter(d -> d.path("kind").asText().equals("DaemonSet")).findFirst()
                .orElseThrow();
        pod = daemonSet.at("/spec/template/spec");
        container = pod.get("containers").get(0);
    }

    @Test
    void selectorMatchesTheTemplateLabels() {
        assertEquals(daemonSet.at("/spec/selector/matchLabels"), daemonSet.at("/spec/template/metadata/labels"));
    }

    @Test
    void runsInTheHostNetworkAndReadsTheHostThroughHostRoot() {
        assertTrue(pod.get("hostNetwork").asBoolean());
        List<String> args = args();
        assertEquals("run", args.get(0));
        assertTrue(args.contains("--host-root=/host"), args::toString);
        assertMount("/host/sys", "/sys");
        assertMount("/host/proc", "/proc");
        assertMount("/host/etc/os-release", "/etc/os-release");
    }

    @Test
    void livenessAsksWhetherTheAgentRunsAndReadinessWhetherTheDatapathIsHealthy() {
        int port = port(listenArg("--listen="));
        String defaultListen = OptionSpec.LISTEN.defaultValue().orElseThrow();
        assertEquals(port(defaultListen), port);
        assertEquals("/health", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/healthz", container.at("/readinessProbe/httpGet/path").asText());
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            assertEquals(port, container.at("/" + probe + "/httpGet/port").asInt(), probe);
            // The listener is on the node's loopback: kubelet (host network namespace) reaches it there.
            assertEquals("127.0.0.1", container.at("/" + probe + "/httpGet/host").asText(), probe);
        }
        assertEquals(port(listenArg("--metrics-listen=")), container.at("/ports/0/containerPort").asInt());
    }

    @Test
    void hasNoPrivilegeAndBoundedResources() {
        JsonNode security = container.get("securityContext");
        assertFalse(security.path("privileged").asBoolean());
        assertFalse(security.get("allowPrivilegeEscalation").asBoolean());
        assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString());
        assertTrue(security.get("readOnlyRootFilesystem").asBoolean());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertFalse(pod.path("hostPID").asBoolean());
        assertTrue(container.at("/resources/requests/memory").isTextual());
        // The same ceiling as the systemd unit's MemoryMax.
        assertEquals("256Mi", container.at("/resources/limits/memory").asText());
    }

    private static void assertMount(String mountPath, String hostPath) {
        JsonNode mount = null;
        for (JsonNode candidate : container.get("volumeMounts")) {
            if (candidate.get("mountPath").asText().equals(mountPath)) {
                mount = candidate;
            }
        }
        assertTrue(mount != null, mountPath);
        assertTrue(mount.path("readOnly").asBoolean(), mountPath + " must be read-only");
        String volume = mount.get("name").asText();
        JsonNode source = null;
        for (JsonNode candidate : pod.get("volumes")) {
            if (candidate.get("name").asText().equals(volume)) {
                source = candidate;
            }
        }
        assertTrue(source != null, volume);
        assertEquals(hostPath, source.at("/hostPath/path").asText(), volume);
    }

    private static List<String> args() {
        List<String> args = new ArrayList<>();
        container.get("args").forEach(arg -> args.add(arg.asText()));
        return args;
    }

    private static String listenArg(String prefix) {
        return args().stream().filter(arg -> arg.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length());
    }

    private static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }
}
