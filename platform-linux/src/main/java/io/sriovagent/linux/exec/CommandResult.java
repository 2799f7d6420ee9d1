package io.sriovagent.linux.exec;

import java.util.List;
import java.util.Objects;

/**
 * What running an external command produced.
 *
 * @param command   the argument vector that was run
 * @param outcome   how it ended
 * @param exitCode  the exit status when it {@link Outcome#EXITED}, else -1
 * @param stdout    standard output (UTF-8, cut at the runner's limit)
 * @param stderr    standard error (UTF-8, cut at the runner's limit)
 */
public record CommandResult(List<String> command, Outcome outcome, int exitCode, String stdout, String stderr) {

    public enum Outcome {
        /** The command ran and exited (with any status). */
        EXITED,
        /** The executable does not exist or cannot be started. */
        NOT_FOUND,
        /** The command ran longer than allowed and was killed. */
        TIMED_OUT
    }

    public CommandResult {
        command = List.copyOf(command);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }

    /** One line for a read error: what ran and why its output cannot be used. */
    public String describeFailure() {
        String program = command.isEmpty() ? "?" : command.get(0);
        return switch (outcome) {
            case NOT_FOUND -> program + " is not installed or cannot be run (" + stderr.strip() + ")";
            case TIMED_OUT -> program + " did not finish in time and was stopped";
            case EXITED -> program + " exited with status " + exitCode
                    + (stderr.isBlank() ? "" : ": " + firstLine(stderr));
        };
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
