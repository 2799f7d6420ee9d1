package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sriovagent.cli.OptionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scale set samples (packaging/deploy/vmss): the extension settings are valid for the extension, agree
 * across ARM, Bicep and the az command, point at the agent's own endpoint, and keep the timing relations the
 * README argues for.
 */
class ScaleSetSamplesTest {

    private static final Path VMSS = Path.of("deploy/vmss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void settingsPassTheExtensionsOwnSchema() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/apphealth/ext-public-settings-schema.json")) {
            schema = JSON.readTree(in);
        }
        assertEquals(List.of(), SettingsSchema.violations(schema, settings()));
    }

    @Test
    void theSchemaCheckRejectsWhatTheExtensionRejects() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/apphealth/ext-public-settings-schema.json")) {
            schema = JSON.readTree(in);
        }
        ObjectNode bad = settings().deepCopy();
        bad.put("gracePeriod", 0).put("protocol", "udp").put("intervalInSeconds", 61).put("path", "/health");
        assertEquals(4, SettingsSchema.violations(schema, bad).size(), () -> SettingsSchema.violations(schema, bad)
                .toString());
    }

    @Test
    void settingsProbeTheAgentsRichHealthEndpointOnItsDefaultPort() throws IOException {
        JsonNode settings = settings();
        String listen = OptionSpec.LISTEN.defaultValue().orElseThrow();
        assertEquals("http", settings.get("protocol").asText());
        assertEquals(Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)), settings.get("port").asInt());
        assertEquals("/health", settings.get("requestPath").asText());
    }

    @Test
    void timingFitsTheAgentAndItsUnit() throws IOException {
        JsonNode settings = settings();
        int debounce = settings.get("intervalInSeconds").asInt() * settings.get("numberOfProbes").asInt();
        Map<String, String> unit = unitSettings();
        long restartSec = seconds(unit.get("RestartSec"));
        long startTimeout = seconds(unit.get("TimeoutStartSec"));
        // The extension's own debounce tops out at 240 s.
        assertTrue(debounce <= 240, "debounce " + debounce);
        // An agent restart (RestartSec plus JVM start and first probe) must not flip the VM to Unknown.
        assertTrue(debounce >= 2 * restartSec, "debounce " + debounce + " vs RestartSec " + restartSec);
        // The grace period is armed once, at extension start: it must outlast the slowest allowed agent start.
        assertTrue(settings.get("gracePeriod").asInt() >= startTimeout, "gracePeriod vs TimeoutStartSec");
        // Polling /health faster than the agent updates its verdict buys nothing.
        assertTrue(settings.get("intervalInSeconds").asInt()
                >= Integer.parseInt(OptionSpec.INTERVAL.defaultValue().orElseThrow()));
    }

    @Test
    void armTemplateCarriesTheSameSettings() throws IOException {
        JsonNode template = JSON.readTree(VMSS.resolve("health-extension.arm.json").toFile());
        JsonNode extension = null;
        for (JsonNode resource : template.get("resources")) {
            if (resource.get("type").asText().equals("Microsoft.Compute/virtualMachineScaleSets/extensions")) {
                extension = resource;
            }
        }
        assertTrue(extension != null, "no extension resource");
        JsonNode properties = extension.get("properties");
        assertEquals("Microsoft.ManagedServices", properties.get("publisher").asText());
        assertEquals("ApplicationHealthLinux", properties.get("type").asText());
        assertEquals("2.0", properties.get("typeHandlerVersion").asText());
        ObjectNode resolved = properties.get("settings").deepCopy();
        assertEquals("[parameters('port')]", resolved.get("port").asText());
        resolved.set("port", template.at("/parameters/port/defaultValue"));
        assertEquals(settings(), resolved);
    }

    @Test
    void bicepCarriesTheSameSettings() throws IOException {
        String bicep = Files.readString(VMSS.resolve("health-extension.bicep"));
        Matcher block = Pattern.compile("settings: \\{(.*?)\\n\\s*}", Pattern.DOTALL).matcher(bicep);
        assertTrue(block.find(), "no settings block");
        ObjectNode parsed = JSON.createObjectNode();
        Matcher line = Pattern.compile("(\\w+): ('([^']*)'|(\\w+))").matcher(block.group(1));
        while (line.find()) {
            if (line.group(3) != null) {
                parsed.put(line.group(1), line.group(3));
            } else if (line.group(4).equals("port")) {
                Matcher port = Pattern.compile("param port int = (\\d+)").matcher(bicep);
                assertTrue(port.find(), "no port parameter default");
                parsed.put("port", Integer.parseInt(port.group(1)));
            } else {
                parsed.put(line.group(1), Integer.parseInt(line.group(4)));
            }
        }
        assertEquals(settings(), parsed);
        assertTrue(bicep.contains("type: 'ApplicationHealthLinux'") && bicep.contains("typeHandlerVersion: '2.0'"));
    }

    @Test
    void azCommandsUseTheSettingsFileAndTheSameRepairsPolicy() throws IOException {
        String script = Files.readString(VMSS.resolve("az-commands.sh"));
        JsonNode policy = JSON.readTree(VMSS.resolve("automatic-repairs-policy.json").toFile())
                .get("automaticRepairsPolicy");
        assertTrue(script.contains("--settings \"@$here/health-extension-settings.json\""));
        assertTrue(script.contains("--name ApplicationHealthLinux --publisher Microsoft.ManagedServices --version 2.0"));
        assertTrue(policy.get("enabled").asBoolean());
        Duration grace = Duration.parse(policy.get("gracePeriod").asText());
        // The platform accepts 10 to 90 minutes.
        assertTrue(grace.compareTo(Duration.ofMinutes(10)) >= 0 && grace.compareTo(Duration.ofMinutes(90)) <= 0);
        assertTrue(script.contains("--automatic-repairs-grace-period " + grace.toMinutes()), "az grace period");
        assertTrue(List.of("Replace", "Restart", "Reimage").contains(policy.get("repairAction").asText()));
        assertTrue(script.contains("--automatic-repairs-action " + policy.get("repairAction").asText()));
        // Repairs must not act before the agent's own grace for transient failures has run out.
        long agentGrace = Long.parseLong(OptionSpec.GRACE.defaultValue().orElseThrow());
        assertTrue(grace.toSeconds() > agentGrace);
    }

    private static JsonNode settings() throws IOException {
        return JSON.readTree(VMSS.resolve("health-extension-settings.json").toFile());
    }

    /** Key=value lines of the systemd unit (the last assignment of a key wins, as in systemd). */
    static Map<String, String> unitSettings() throws IOException {
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("../systemd/sriov-agent.service"))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    /** A systemd time span as used in the unit ("10s", "2min", "120"). */
    static long seconds(String span) {
        Matcher m = Pattern.compile("(\\d+)\\s*(s|min)?").matcher(span.strip());
        assertTrue(m.matches(), "time span " + span);
        long value = Long.parseLong(m.group(1));
        return "min".equals(m.group(2)) ? value * 60 : value;
    }
}
