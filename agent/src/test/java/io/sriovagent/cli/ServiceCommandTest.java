package io.sriovagent.cli;

import static io.sriovagent.host.Snapshots.ETH0_MAC;
import static io.sriovagent.host.Snapshots.counters;
import static io.sriovagent.host.Snapshots.cx4;
import static io.sriovagent.host.Snapshots.host;
import static io.sriovagent.host.Snapshots.nic;
import static io.sriovagent.host.Snapshots.vf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.service.OsServiceSupport;
import io.sriovagent.service.ServiceBody;
import io.sriovagent.service.ServiceDefinition;
import io.sriovagent.service.ServiceException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandTest {

    @TempDir
    Path hostRoot;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final FakeServiceManager manager = new FakeServiceManager();
    private final ProbeOpener probes = settings -> new PlatformProbe() {
        @Override
        public HostSnapshot probe() {
            return host().nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, cx4("7c4b:00:02.0", "enP31819s1")),
                    counters(0, 0))).build();
        }
    };

    /** Records what the CLI asks of the service manager; runs the body as the SCM would. */
    private static final class FakeServiceManager implements OsServiceSupport {
        final List<ServiceDefinition> installed = new ArrayList<>();
        final List<String> uninstalled = new ArrayList<>();
        String healthWhileRunning;
        int portWhileRunning;
        ServiceException failure;

        @Override
        public boolean supportsCurrentOs() {
            return true;
        }

        @Override
        public void install(ServiceDefinition definition) throws ServiceException {
            if (failure != null) {
                throw failure;
            }
            installed.add(definition);
        }

        @Override
        public void uninstall(String serviceName) {
            uninstalled.add(serviceName);
        }

        @Override
        public void runAsService(String serviceName, ServiceBody body) throws ServiceException {
            try {
                body.start();
                int port = ((ServiceCommand.DaemonBody) body).daemon().port();
                portWhileRunning = port;
                healthWhileRunning = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new ServiceException("start failed: " + e.getMessage());
            } finally {
                body.stop(Duration.ofSeconds(5));
            }
        }
    }

    private int run(Optional<OsServiceSupport> support, String... args) throws Exception {
        ServiceCommand command = new ServiceCommand(() -> support, probes, new ConfigResolver(Map.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8), () -> Path.of("/opt/sriov-agent/sriov-agent.jar"));
        return command.run(List.of(args));
    }

    @Test
    void installRegistersTheJarWithServiceRunAndTheOptions() throws Exception {
        Path config = java.nio.file.Files.writeString(hostRoot.resolve("agent.json"), "{\"grace\": 600}");
        int status = run(Optional.of(manager), "install", "--config", config.toString(), "--interval", "10");

        assertEquals(0, status);
        ServiceDefinition definition = manager.installed.get(0);
        assertEquals("sriov-agent", definition.name());
        List<String> command = definition.commandLine();
        assertTrue(command.get(0).endsWith("java") || command.get(0).endsWith("java.exe"), command.get(0));
        assertEquals("-Xrs", command.get(1));
        int jar = command.indexOf("-jar");
        assertEquals(List.of("-jar", "/opt/sriov-agent/sriov-agent.jar", "service", "run", "--config",
                config.toString(), "--interval", "10"),
                command.subList(jar, command.size()));
        assertTrue(command.containsAll(ServiceCommand.JVM_FLAGS));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("installed service sriov-agent: "));
    }

    @Test
    void installRejectsBadOptionsBeforeRegisteringAnything() {
        UsageException error = assertThrows(UsageException.class,
                () -> run(Optional.of(manager), "install", "--interval", "often"));

        assertEquals("--interval: expected a number of seconds from 0.001 to a week (604800), got \"often\"",
                error.getMessage());
        assertTrue(manager.installed.isEmpty());
    }

    @Test
    void serviceManagerRefusalIsAOneLineError() {
        manager.failure = new ServiceException("the service sriov-agent exists already");

        UsageException error = assertThrows(UsageException.class, () -> run(Optional.of(manager), "install"));

        assertEquals("service install: the service sriov-agent exists already", error.getMessage());
    }

    @Test
    void runStartsTheDaemonAsTheServiceBodyAndStopsIt() throws Exception {
        int status = run(Optional.of(manager), "run", "--listen", "127.0.0.1:0", "--host-root",
                hostRoot.toString());

        assertEquals(0, status);
        assertEquals("{\"ApplicationHealthState\":\"Healthy\"}", manager.healthWhileRunning);
        assertThrows(java.io.IOException.class, () -> new java.net.Socket("127.0.0.1", manager.portWhileRunning).close(),
                "the stop control closed the listener");
    }

    @Test
    void uninstallAndItsMisuse() throws Exception {
        assertEquals(0, run(Optional.of(manager), "uninstall"));
        assertEquals(List.of("sriov-agent"), manager.uninstalled);
        assertThrows(UsageException.class, () -> run(Optional.of(manager), "uninstall", "--force"));
        assertThrows(UsageException.class, () -> run(Optional.of(manager), "restart"));
        assertThrows(UsageException.class, () -> run(Optional.of(manager)));
    }

    @Test
    void withoutAServiceManagerItSaysWindowsOnly() {
        UsageException error = assertThrows(UsageException.class, () -> run(Optional.empty(), "install"));

        assertEquals("service install is for Windows; on Linux systemd runs 'sriov-agent run' (see"
                + " docs/operations.md)", error.getMessage());
        assertNull(manager.healthWhileRunning);
    }

    @Test
    void cliOnLinuxFindsNoServiceManager() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), probes, duration -> { });

        assertEquals(2, cli.execute("service", "install"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("sriov-agent: service install is for Windows"));
    }

    @Test
    void relativePathOptionsBecomeAbsolute() {
        assertEquals(List.of("--config", Path.of("c.json").toAbsolutePath().toString(),
                        "--host-root=" + Path.of("host").toAbsolutePath(), "--debug"),
                ServiceCommand.absolutePaths(List.of("--config", "c.json", "--host-root=host", "--debug")));
    }
}
