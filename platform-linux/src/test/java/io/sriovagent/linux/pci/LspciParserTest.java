package io.sriovagent.linux.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class LspciParserTest {

    /**
     * Real output of {@code lspci -D -vmm -nn -k} (pciutils 3.9.0) on the machine that built this project, a KVM
     * guest with virtio devices; standard error (not shown) said "lspci: Unable to load libkmod resources: error -2".
     * Tabs as printed.
     */
    private static final String BUILD_MACHINE = """
            Slot:\t0000:00:00.0
            Class:\tHost bridge [0600]
            Vendor:\tIntel Corporation [8086]
            Device:\tDevice [0d57]
            ProgIf:\t00

            Slot:\t0000:00:01.0
            Class:\tUnassigned class [ffff]
            Vendor:\tRed Hat, Inc. [1af4]
            Device:\tVirtio 1.0 memory balloon [1045]
            SVendor:\tRed Hat, Inc. [1af4]
            SDevice:\tVirtio 1.0 memory balloon [1045]
            Rev:\t01
            ProgIf:\t00
            Driver:\tvirtio-pci

            Slot:\t0000:00:02.0
            Class:\tMass storage controller [0180]
            Vendor:\tRed Hat, Inc. [1af4]
            Device:\tVirtio 1.0 block device [1042]
            SVendor:\tRed Hat, Inc. [1af4]
            SDevice:\tVirtio 1.0 block device [1042]
            Rev:\t01
            ProgIf:\t00
            Driver:\tvirtio-pci

            Slot:\t0000:00:03.0
            Class:\tEthernet controller [0200]
            Vendor:\tRed Hat, Inc. [1af4]
            Device:\tVirtio 1.0 network device [1041]
            SVendor:\tRed Hat, Inc. [1af4]
            SDevice:\tVirtio 1.0 network device [1041]
            Rev:\t01
            ProgIf:\t00
            Driver:\tvirtio-pci

            Slot:\t0000:00:04.0
            Class:\tUnassigned class [ffff]
            Vendor:\tRed Hat, Inc. [1af4]
            Device:\tVirtio 1.0 socket [1053]
            SVendor:\tRed Hat, Inc. [1af4]
            SDevice:\tVirtio 1.0 socket [1053]
            Rev:\t01
            ProgIf:\t00
            Driver:\tvirtio-pci

            Slot:\t0000:00:05.0
            Class:\tUnassigned class [ffff]
            Vendor:\tRed Hat, Inc. [1af4]
            Device:\tVirtio 1.0 RNG [1044]
            SVendor:\tRed Hat, Inc. [1af4]
            SDevice:\tVirtio 1.0 RNG [1044]
            Rev:\t01
            ProgIf:\t00
            Driver:\tvirtio-pci

            """;

    @Test
    void parsesRealOutput() {
        LspciParser.Listing listing = LspciParser.parse(BUILD_MACHINE);

        assertEquals(0, listing.badLines());
        assertEquals(6, listing.devices().size());
        assertEquals(new LspciDevice("0000:00:03.0", "0200", "Ethernet controller", "1af4", "Red Hat, Inc.", "1041",
                "Virtio 1.0 network device", "virtio-pci"), listing.devices().get(3));
        LspciDevice bridge = listing.devices().get(0);
        assertEquals("Device", bridge.deviceName(), "lspci's name for an ID its database lacks");
        assertEquals("0d57", bridge.deviceId());
        assertNull(bridge.driver());
    }

    @Test
    void parsesAVfRecordWithModulesAndWithoutDomain() {
        LspciParser.Listing listing = LspciParser.parse("""
                Slot:\t00:02.0
                Class:\tEthernet controller [0200]
                Vendor:\tMellanox Technologies [15b3]
                Device:\tMT27710 Family [ConnectX-4 Lx Virtual Function] [1016]
                SVendor:\tMellanox Technologies [15b3]
                SDevice:\tMT27710 Family [ConnectX-4 Lx Virtual Function] [0190]
                Rev:\t80
                Driver:\tmlx5_core
                Module:\tmlx5_core
                Module:\tother_module
                """);

        assertEquals(List.of(new LspciDevice("0000:00:02.0", "0200", "Ethernet controller", "15b3",
                "Mellanox Technologies", "1016", "MT27710 Family [ConnectX-4 Lx Virtual Function]", "mlx5_core")),
                listing.devices());
    }

    @Test
    void countsLinesAndRecordsThatAreNotLspciRecords() {
        LspciParser.Listing listing = LspciParser.parse("""
                Lorem ipsum dolor sit amet
                Error: something went wrong

                Slot:\tnot-a-slot
                Vendor:\tMicrosoft Corporation [1414]

                Slot:\t7870:00:00.0
                Device:\tDevice [00ba]
                """);

        assertEquals(3, listing.badLines());
        assertEquals(List.of("Lorem ipsum dolor sit amet", "record without a valid Slot: [Error]",
                "record without a valid Slot: [Slot, Vendor]"), listing.firstBadLines());
        assertEquals(List.of(new LspciDevice("7870:00:00.0", null, null, null, null, "00ba", "Device", null)),
                listing.devices());
    }

    @Test
    void emptyOutputHasNoDevicesAndNoBadLines() {
        assertEquals(new LspciParser.Listing(List.of(), 0, List.of()), LspciParser.parse(""));
        assertEquals(new LspciParser.Listing(List.of(), 0, List.of()), LspciParser.parse(null));
    }
}
