package io.sriovagent.linux.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelMinimumsTest {

    private final KernelMinimums table = KernelMinimums.load();

    @Test
    void coversEveryDistributionOfTheSupportedList() {
        for (String id : List.of("ubuntu", "debian", "rhel", "centos", "rocky", "almalinux", "ol", "sles", "sle-hpc",
                "opensuse-leap", "mariner", "azurelinux", "flatcar")) {
            assertTrue(table.distribution(id).isPresent(), id);
        }
        assertFalse(table.distribution("arch").isPresent());
    }

    @Test
    void everyReleaseNamesItsSourceAndDistributionsAreListedOnce() {
        long ids = table.distributions().stream().mapToLong(distribution -> distribution.ids().size()).sum();
        long distinct = table.distributions().stream().flatMap(distribution -> distribution.ids().stream())
                .distinct().count();
        assertEquals(ids, distinct);
        table.distributions().forEach(distribution -> distribution.releases().forEach(
                release -> assertTrue(release.source().length() > 40, distribution.name())));
    }

    @Test
    void documentedMinimums() {
        assertEquals("4.11.0-1013", minimum("ubuntu", "16.04"));
        assertEquals("4.11.0-1013", minimum("ubuntu", "24.04"));
        assertEquals("4.4.178-94.91.2", minimum("sles", "12.3"));
        assertEquals("4.4.178-94.91.2", minimum("sles", "12.5"));
        assertEquals("2.6.32-573", minimum("centos", "6.10"));
        assertEquals("3.10.0-693", minimum("rhel", "7.4"));
        assertEquals("3.10.0-693", minimum("ol", "8.6"));
        assertEquals("4.19", minimum("debian", "9"));
    }

    @Test
    void rejectsAReleaseWhoseVersionIsNotOne() {
        assertThrows(IllegalArgumentException.class, () -> new KernelMinimums.Release("x", null, null, "source"));
    }

    private String minimum(String id, String version) {
        VersionNumber number = VersionNumber.parse(version).orElseThrow();
        return table.distribution(id).orElseThrow().releases().stream().filter(release -> release.contains(number))
                .findFirst().orElseThrow().minimumKernel();
    }
}
