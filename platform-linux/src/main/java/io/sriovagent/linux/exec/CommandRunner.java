package io.sriovagent.linux.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external command with a deadline and bounded output, and never throws for a command that is absent,
 * fails, hangs or floods its output: the {@link CommandResult} says what happened.
 *
 * <p>The probe runs on its own worker thread, so blocking here is fine; the deadline makes sure a hung
 * {@code ethtool} or {@code lspci} costs one probe, not the agent.
 */
public final class CommandRunner {

    /** More than any real ethtool/lspci output on Azure sizes (mlx5 prints a few thousand lines at most). */
    static final int DEFAULT_OUTPUT_LIMIT = 4 * 1024 * 1024;

    private final Duration timeout;
    private final int outputLimit;

    public CommandRunner(Duration timeout) {
        this(timeout, DEFAULT_OUTPUT_LIMIT);
    }

    CommandRunner(Duration timeout, int outputLimit) {
        this.timeout = timeout;
        this.outputLimit = outputLimit;
    }

    public CommandResult run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException | SecurityException e) {
            return new CommandResult(command, CommandResult.Outcome.NOT_FOUND, -1, "", String.valueOf(e.getMessage()));
        }
        // Both streams are drained concurrently: a command that fills one pipe must not block forever.
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new CommandResult(command, CommandResult.Outcome.TIMED_OUT, -1,
                        collect(stdout), collect(stderr));
            }
            return new CommandResult(command, CommandResult.Outcome.EXITED, process.exitValue(),
                    collect(stdout), collect(stderr));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return new CommandResult(command, CommandResult.Outcome.TIMED_OUT, -1, "", "interrupted");
        }
    }

    private CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    int room = outputLimit - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, read));
                    }
                }
            } catch (IOException e) {
                // The process was killed or closed its end: keep what arrived.
            }
            return kept.toString(StandardCharsets.UTF_8);
        });
    }

    private static String collect(CompletableFuture<String> output) {
        try {
            return output.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            // A grandchild still holding the pipe open: give up on the rest of its output.
            return "";
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
