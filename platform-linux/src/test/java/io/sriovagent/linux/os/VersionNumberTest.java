package io.sriovagent.linux.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionNumberTest {

    @Test
    void keepsTheNumericPartsAndDropsVendorSuffixes() {
        assertEquals(List.of(5L, 15L, 0L, 1089L), parts("5.15.0-1089-azure"));
        assertEquals(List.of(3L, 10L, 0L, 693L), parts("3.10.0-693.el7.x86_64"));
        assertEquals(List.of(4L, 19L, 0L, 0L), parts("4.19.0-0.bpo.6-cloud-amd64"));
        assertEquals(List.of(6L, 18L, 44L), parts("6.18.44-fc-v657"));
        assertEquals(List.of(4L, 4L, 178L, 94L, 91L, 2L), parts("4.4.178-94.91.2"));
        assertEquals(List.of(5L, 4L, 17L, 2136L, 300L, 7L), parts("5.4.17-2136.300.7.el8uek+x86_64"));
        assertEquals(List.of(6L, 1L), parts("6.1+debian~bpo"));
        assertEquals(List.of(22L, 4L), parts("22.04"));
    }

    @Test
    void comparesPartByPartAsNumbers() {
        assertTrue(version("4.11.0-1013").compareTo(version("4.15.0-1041")) < 0);
        assertTrue(version("4.11.0-1013-azure").compareTo(version("4.11.0-1013")) == 0);
        assertTrue(version("4.11.0-1014").compareTo(version("4.11.0-1013")) > 0);
        assertTrue(version("7.10").compareTo(version("7.4")) > 0);
        assertTrue(version("3.10.0-1160.el7").compareTo(version("3.10.0-693")) > 0);
        assertTrue(version("4.4.92-6.18-default").compareTo(version("4.4.178-94.91.2")) < 0);
        assertTrue(version("4.4.92").compareTo(version("4.4.92-6.18")) < 0, "a missing part counts as zero");
        assertEquals(version("4.19"), version("4.19.0"));
        assertEquals(version("4.19").hashCode(), version("4.19.0").hashCode());
    }

    @Test
    void textWithoutALeadingNumberIsNoVersion() {
        assertEquals(Optional.empty(), VersionNumber.parse("abc"));
        assertEquals(Optional.empty(), VersionNumber.parse(""));
        assertEquals(Optional.empty(), VersionNumber.parse(null));
        assertEquals(Optional.empty(), VersionNumber.parse("v1.4"));
    }

    private static List<Long> parts(String text) {
        return version(text).parts();
    }

    private static VersionNumber version(String text) {
        return VersionNumber.parse(text).orElseThrow();
    }
}
