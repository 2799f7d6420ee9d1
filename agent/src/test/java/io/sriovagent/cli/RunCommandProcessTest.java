package io.sriovagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code sriov-agent run} as a child JVM: real signals, real exit status. */
class RunCommandProcessTest {

    private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");

    /** The child process; its stderr goes to a file, so nothing is lost when it exits. */
    private record Child(Process process, Path stderr) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }

        String log() {
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(cannot read the child's stderr: " + e + ")";
            }
        }
    }

    private static Child start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), FixtureDaemonMain.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("sriov-agent-run", ".log");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        return new Child(process, stderr);
    }

    private static int awaitPort(Child child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(child.log());
            if (serving.find()) {
                return Integer.parseInt(serving.group(1));
            }
            if (!child.process().isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the daemon did not start listening:\n" + child.log());
    }

    @Test
    void sigtermStopsTheDaemonWithExitStatusZero() throws Exception {
        try (Child child = start("run", "--listen", "127.0.0.1:0", "--interval", "0.2")) {
            int port = awaitPort(child);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"ApplicationHealthState\":\"Healthy\"}", health.body());

            child.process().destroy(); // SIGTERM

            assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM:\n" + child.log());
            assertEquals(0, child.process().exitValue(), child.log());
            assertTrue(child.log().contains("SIGTERM received: stopping"), child.log());
            assertTrue(child.log().contains("INFO    stopped"), child.log());
        }
    }

    @Test
    void aListenAddressInUseIsExitStatusTwoWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Child child = start("run", "--listen", "127.0.0.1:" + taken.getLocalPort())) {
            assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), child.log());
            assertEquals(2, child.process().exitValue(), child.log());
            assertTrue(child.log().contains("sriov-agent: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    child.log());
        }
    }
}
