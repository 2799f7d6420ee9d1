package io.sriovagent.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the service is registered: its names and the command line the OS runs to start it. The CLI builds it for
 * {@code service install}, usually with {@link #javaCommandLine(Path, List, Path, List)}.
 *
 * @param name        the service (key) name, e.g. {@code sriov-agent}: no spaces, slashes or backslashes
 * @param displayName the name shown in the services console
 * @param description one sentence shown in the services console
 * @param commandLine the program and its arguments, one element each (not quoted; the platform quotes them):
 *                    the java executable, JVM flags including {@code -Xrs}, {@code -jar}, the jar,
 *                    {@code service}, {@code run}, then the agent options
 */
public record ServiceDefinition(String name, String displayName, String description, List<String> commandLine) {

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        commandLine = List.copyOf(commandLine);
        if (name.isBlank() || name.length() > 256 || name.chars().anyMatch(c -> c == '/' || c == '\\' || c <= ' ')) {
            throw new IllegalArgumentException("service name must be 1-256 characters without spaces or slashes: '"
                    + name + "'");
        }
        if (commandLine.isEmpty() || commandLine.get(0).isBlank()) {
            throw new IllegalArgumentException("the service command line needs a program");
        }
    }

    /**
     * The command line of a Java service: {@code java -Xrs [jvmFlags] -jar JAR service run [agentOptions]}.
     * {@code -Xrs} keeps the JVM from exiting on the console events Windows sends to services at log-off and
     * shutdown; the service manager's stop control drains the agent instead.
     */
    public static List<String> javaCommandLine(Path javaExecutable, List<String> jvmFlags, Path jar,
                                               List<String> agentOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xrs");
        jvmFlags.stream().filter(flag -> !flag.equals("-Xrs")).forEach(command::add);
        command.add("-jar");
        command.add(jar.toString());
        command.add("service");
        command.add("run");
        command.addAll(agentOptions);
        return List.copyOf(command);
    }
}
