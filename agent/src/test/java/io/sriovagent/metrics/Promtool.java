package io.sriovagent.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics} on a scrape; tests that use it are skipped where promtool is not installed. */
public final class Promtool {

    private Promtool() {
    }

    /** promtool's complaints about the scrape (empty when it has none); skips the test without promtool. */
    public static String checkMetrics(byte[] scrape) throws IOException, InterruptedException {
        Optional<Path> promtool = locate();
        assumeTrue(promtool.isPresent(), "promtool is not installed");
        Process process = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(scrape);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("promtool did not finish");
        }
        return process.exitValue() == 0 ? output.strip() : "exit " + process.exitValue() + ": " + output.strip();
    }

    private static Optional<Path> locate() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
