package io.sriovagent.linux.ethtool;

import java.nio.charset.StandardCharsets;

/**
 * The kernel's rule for network interface names ({@code dev_valid_name}), checked before a name reaches the
 * ioctl or the command line: an invalid name can never match an interface, and refusing it here gives a clearer
 * reason than the kernel's ENODEV or ethtool's usage message.
 */
final class InterfaceNames {

    /** IFNAMSIZ: the name and its terminating NUL fit in 16 bytes. */
    static final int MAX_BYTES = 15;

    private InterfaceNames() {
    }

    /** Why {@code name} cannot be an interface name, or null when it can. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "no interface name given";
        }
        if (name.equals(".") || name.equals("..")) {
            return "\"" + name + "\" is not a valid interface name";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "interface name \"" + name + "\" is longer than " + MAX_BYTES + " bytes";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '\0' || Character.isWhitespace(c)) {
                return "interface name \"" + name.replace("\0", "\\0") + "\" contains '/', ':', NUL or whitespace";
            }
        }
        return null;
    }
}
