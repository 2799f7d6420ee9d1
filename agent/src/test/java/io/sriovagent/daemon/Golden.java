package io.sriovagent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under the module's src/test/resources/golden. Run with {@code -Dgolden.update=true} to rewrite them from the
 * current output, then review the diff.
 */
public final class Golden {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIRECTORY.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("no golden file " + file + "; run with -Dgolden.update=true to create it");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "differs from " + file + " (run with -Dgolden.update=true to accept the new output)");
    }
}
