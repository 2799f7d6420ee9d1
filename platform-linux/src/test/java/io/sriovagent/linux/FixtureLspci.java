package io.sriovagent.linux;

import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.pci.LspciRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** lspci of fixture hosts: prints {@code ROOT/fixture/lspci} (absent: lspci not installed) and counts its runs. */
final class FixtureLspci implements LspciRunner {

    private final Path output;
    private int runs;

    FixtureLspci(Path root) {
        this.output = root.resolve("fixture/lspci");
    }

    @Override
    public CommandResult run() {
        runs++;
        List<String> command = new ArrayList<>(List.of("lspci"));
        command.addAll(ARGUMENTS);
        try {
            return new CommandResult(command, CommandResult.Outcome.EXITED, 0,
                    Files.readString(output, StandardCharsets.UTF_8), "");
        } catch (IOException e) {
            return new CommandResult(command, CommandResult.Outcome.NOT_FOUND, -1, "", "No such file or directory");
        }
    }

    int runs() {
        return runs;
    }
}
