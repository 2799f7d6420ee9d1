package io.sriovagent.cli;

/** Entry point of the {@code sriov-agent} jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.forProcess().execute(args);
        System.exit(status);
    }
}
