package io.sriovagent.linux.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    private final CommandRunner runner = new CommandRunner(Duration.ofSeconds(5));

    @Test
    void capturesOutputAndExitStatus() {
        CommandResult result = runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"));

        assertEquals(CommandResult.Outcome.EXITED, result.outcome());
        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.succeeded());
        assertEquals("sh exited with status 3: err", result.describeFailure());
    }

    @Test
    void absentExecutableIsNotFound() {
        CommandResult result = runner.run(List.of("/nonexistent/ethtool", "-S", "eth0"));

        assertEquals(CommandResult.Outcome.NOT_FOUND, result.outcome());
        assertTrue(result.describeFailure().startsWith("/nonexistent/ethtool is not installed"),
                result.describeFailure());
    }

    @Test
    void hangingCommandIsKilledAtTheDeadline() {
        CommandRunner impatient = new CommandRunner(Duration.ofMillis(200));

        CommandResult result = impatient.run(List.of("sh", "-c", "echo started; sleep 60 & exec sleep 60"));

        assertEquals(CommandResult.Outcome.TIMED_OUT, result.outcome());
        assertEquals("sh did not finish in time and was stopped", result.describeFailure());
        assertEquals("started\n", result.stdout(), "what arrived before the deadline is kept");
    }

    @Test
    void theKilledCommandsChildrenAreGoneToo() throws Exception {
        CommandRunner impatient = new CommandRunner(Duration.ofMillis(300));
        java.nio.file.Path pidFile = java.nio.file.Files.createTempFile("child", ".pid");
        try {
            impatient.run(List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"));

            long child = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
            // SIGKILL is delivered asynchronously: wait for the exit (bounded), then it must be gone
            ProcessHandle.of(child).ifPresent(handle -> {
                try {
                    handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("child " + child + " still running after the runner killed its parent", e);
                }
            });
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child " + child + " alive");
        } finally {
            java.nio.file.Files.deleteIfExists(pidFile);
        }
    }

    @Test
    void floodingOutputIsCutAtTheLimit() {
        CommandRunner small = new CommandRunner(Duration.ofSeconds(10), 1000);

        CommandResult result = small.run(List.of("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x"));

        assertEquals(CommandResult.Outcome.EXITED, result.outcome());
        assertEquals(1000, result.stdout().length());
    }
}
