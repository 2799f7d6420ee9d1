package io.sriovagent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceDefinitionTest {

    @Test
    void javaCommandLinePutsXrsFirstAndServiceRunBeforeTheAgentOptions() {
        List<String> command = ServiceDefinition.javaCommandLine(
                Path.of("C:/Program Files/Java/bin/java.exe"), List.of("-Xmx64m", "-Xrs"),
                Path.of("C:/Program Files/sriov-agent/sriov-agent.jar"),
                List.of("--config", "C:/ProgramData/sriov-agent/config.json"));

        assertEquals(List.of(
                Path.of("C:/Program Files/Java/bin/java.exe").toString(), "-Xrs", "-Xmx64m", "-jar",
                Path.of("C:/Program Files/sriov-agent/sriov-agent.jar").toString(), "service", "run",
                "--config", "C:/ProgramData/sriov-agent/config.json"), command);
    }

    @Test
    void commandLineIsCopied() {
        List<String> command = new ArrayList<>(List.of("java.exe", "-jar", "a.jar"));
        ServiceDefinition definition = new ServiceDefinition("sriov-agent", "SR-IOV agent", "d", command);
        command.add("--debug");

        assertEquals(3, definition.commandLine().size());
    }

    @Test
    void rejectsNamesTheServiceManagerRefuses() {
        for (String name : List.of("", "sriov agent", "a/b", "a\\b", "x".repeat(257))) {
            assertThrows(IllegalArgumentException.class,
                    () -> new ServiceDefinition(name, "d", "d", List.of("java.exe")), name);
        }
    }

    @Test
    void rejectsACommandLineWithoutProgram() {
        assertThrows(IllegalArgumentException.class,
                () -> new ServiceDefinition("sriov-agent", "d", "d", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ServiceDefinition("sriov-agent", "d", "d", List.of(" ")));
    }
}
