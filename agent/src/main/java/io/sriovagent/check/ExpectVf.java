package io.sriovagent.check;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which synthetic NICs must have a VF ({@code --expect-vf}).
 *
 * @param mode       auto, all, or an explicit list
 * @param interfaces the listed interfaces (empty unless {@link Mode#LIST})
 */
public record ExpectVf(Mode mode, Set<String> interfaces) {

    public enum Mode {
        /** At least one NIC, plus every NIC that has had a VF since the agent started. */
        AUTO,
        /** Every synthetic NIC. */
        ALL,
        /** Exactly the listed NICs. */
        LIST
    }

    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

    public static final ExpectVf AUTO = new ExpectVf(Mode.AUTO, Set.of());
    public static final ExpectVf ALL = new ExpectVf(Mode.ALL, Set.of());

    public ExpectVf {
        interfaces = Set.copyOf(interfaces);
        if ((mode == Mode.LIST) == interfaces.isEmpty()) {
            throw new IllegalArgumentException("a list of interfaces goes with, and only with, the LIST mode");
        }
    }

    /** Parses {@code auto}, {@code all} or {@code IFACE,IFACE...}. */
    public static ExpectVf parse(String text) {
        String value = text.strip();
        if (value.equals("auto")) {
            return AUTO;
        }
        if (value.equals("all")) {
            return ALL;
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::strip).toList();
        for (String name : names) {
            if (!INTERFACE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "expected auto, all or a comma-separated list of interface names, got \"" + text + "\"");
            }
        }
        return new ExpectVf(Mode.LIST, new LinkedHashSet<>(names));
    }

    @Override
    public String toString() {
        return mode == Mode.LIST ? String.join(",", interfaces) : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
