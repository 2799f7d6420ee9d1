package io.sriovagent.linux.ethtool;

import io.sriovagent.probe.ProbeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** Stand-ins for the ethtool executable: shell scripts written into a test's temporary directory. */
final class EthtoolScripts {

    private EthtoolScripts() {
    }

    /** An executable {@code name} in {@code dir} running {@code body} under /bin/sh. */
    static Path script(Path dir, String name, String body) {
        try {
            Path script = dir.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A script that prints {@code output} for {@code ethtool -S <iface>} and refuses any other arguments, so a
     * test also proves the argument vector.
     */
    static Path replaying(Path dir, String iface, String output) {
        try {
            Path payload = Files.writeString(dir.resolve("ethtool-S-" + iface + ".txt"), output);
            return script(dir, "ethtool", "[ \"$#\" -eq 2 ] && [ \"$1\" = -S ] && [ \"$2\" = '" + iface + "' ]"
                    + " || { echo \"unexpected arguments: $*\" >&2; exit 2; }\ncat '" + payload + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProbeSettings settings(ProbeSettings.EthtoolSource source, Path ethtool, Duration timeout) {
        return ProbeSettings.of(Path.of("/"), source, ethtool.toString(), "lspci", timeout);
    }
}
