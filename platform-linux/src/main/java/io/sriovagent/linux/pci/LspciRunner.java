package io.sriovagent.linux.pci;

import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;

/** Runs lspci in its machine-readable form; tests replace it with captured text. */
@FunctionalInterface
public interface LspciRunner {

    /** The flags the parser expects: domains always shown, one tag per line, names and IDs, kernel drivers. */
    List<String> ARGUMENTS = List.of("-D", "-vmm", "-nn", "-k");

    CommandResult run();

    /** Runs the executable {@code lspci} with {@link #ARGUMENTS} through {@code runner}. */
    static LspciRunner command(CommandRunner runner, String lspci) {
        List<String> command = new ArrayList<>();
        command.add(lspci);
        command.addAll(ARGUMENTS);
        List<String> fixed = List.copyOf(command);
        return () -> runner.run(fixed);
    }
}
