package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The Windows .zip: the jar, the operations guide, and whatever installer scripts packaging/windows/ holds. */
class WindowsZipIT {

    private static final Path ZIP = Path.of(System.getProperty("sriov.zip", "target/sriov-agent-windows.zip"));
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final String TOP = "sriov-agent-" + System.getProperty("project.version", "0.1.0") + "/";

    @Test
    void holdsTheJarAndTheGuideUnderOneVersionedFolder() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            ZipEntry jar = zip.getEntry(TOP + "sriov-agent.jar");
            assertTrue(jar != null, () -> "entries: " + names(zip));
            assertArrayEquals(Files.readAllBytes(BASE.resolve("target/sriov-agent.jar")),
                    zip.getInputStream(jar).readAllBytes());
            assertTrue(zip.getEntry(TOP + "docs/operations.md") != null, () -> "entries: " + names(zip));
            assertTrue(names(zip).stream().allMatch(name -> name.startsWith(TOP)), () -> "entries: " + names(zip));
        }
    }

    @Test
    void holdsEveryInstallerScriptAndReadmeOfTheWindowsFolder() throws IOException {
        Set<String> expected = new TreeSet<>();
        Path windows = BASE.resolve("windows");
        if (Files.isDirectory(windows)) {
            try (Stream<Path> files = Files.list(windows)) {
                files.map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(".ps1") || name.endsWith(".psm1")
                                || name.equals("README-windows.md"))
                        .forEach(name -> expected.add(TOP + name));
            }
        }
        if (Files.exists(BASE.resolve("README-windows.md"))) {
            expected.add(TOP + "README-windows.md");
        }
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Set<String> scripts = new TreeSet<>();
            for (String name : names(zip)) {
                if (name.endsWith(".ps1") || name.endsWith(".psm1") || name.endsWith("README-windows.md")) {
                    scripts.add(name);
                }
            }
            assertEquals(expected, scripts);
        }
    }

    private static Set<String> names(ZipFile zip) {
        Set<String> names = new TreeSet<>();
        zip.stream().forEach(entry -> names.add(entry.getName()));
        return names;
    }
}
