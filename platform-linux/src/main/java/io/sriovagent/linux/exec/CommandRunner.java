package io.sriovagent.linux.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Drain stdout = new Drain(process.getInputStream(), outputLimit);
        Drain stderr = new Drain(process.getErrorStream(), outputLimit);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new CommandResult(command, CommandResult.Outcome.TIMED_OUT, -1, stdout.collect(),
                        stderr.collect());
            }
            return new CommandResult(command, CommandResult.Outcome.EXITED, process.exitValue(), stdout.collect(),
                    stderr.collect());
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return new CommandResult(command, CommandResult.Outcome.TIMED_OUT, -1, stdout.collect(), "interrupted");
        }
    }

    /**
     * Reads one pipe on its own daemon thread, keeping at most {@code limit} bytes. Its own thread, not a shared
     * pool: a child that keeps the pipe open (or a command stuck in the kernel that no signal ends) blocks only this
     * thread, and {@link #collect()} still returns what arrived.
     */
    private static final class Drain {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final InputStream stream;
        private final Thread thread;

        Drain(InputStream stream, int limit) {
            this.stream = stream;
            this.thread = new Thread(() -> copy(limit), "sriov-command-output");
            thread.setDaemon(true);
            thread.start();
        }

        private void copy(int limit) {
            byte[] buffer = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = limit - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, read));
                        }
                    }
                }
            } catch (IOException e) {
                // The process was killed or closed its end: keep what arrived.
            }
        }

        /**
         * What arrived, waiting up to a second for the rest after the process ended. A pipe still held open (a
         * grandchild, a command stuck in the kernel) is left to its reader thread: closing it from here would wait
         * on the same stream lock.
         */
        String collect() {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
