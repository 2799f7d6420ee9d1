package io.sriovagent.windows.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VfHardwareTest {

    @Test
    void matchesEveryAzureVfId() {
        for (String device : List.of("1004", "1014", "1016", "1018", "101A", "101C", "101E")) {
            VfHardware vf = VfHardware.match(List.of("PCI\\VEN_15B3&DEV_" + device + "&SUBSYS_00000000&REV_80"))
                    .orElseThrow(() -> new AssertionError(device));
            assertEquals("15b3", vf.vendorId());
            assertEquals(device.toLowerCase(), vf.deviceId());
        }
        VfHardware mana = VfHardware.match(List.of("pci\\ven_1414&dev_00ba&subsys_00000000")).orElseThrow();
        assertEquals("MANA Virtual Function", mana.model());
        assertEquals(true, mana.mana());
        assertEquals(true, mana.bus());
    }

    @Test
    void onlyConnectX3AndManaAreBuses() {
        assertEquals(true, VfHardware.match(List.of("PCI\\VEN_15B3&DEV_1004")).orElseThrow().bus());
        assertEquals(false, VfHardware.match(List.of("PCI\\VEN_15B3&DEV_1016")).orElseThrow().bus());
    }

    @Test
    void laterIdsOfTheListCountToo() {
        assertEquals("1018", VfHardware.match(List.of("PCI\\VEN_15B3&DEV_1018&SUBSYS_0080", "PCI\\CC_020000"))
                .orElseThrow().deviceId());
        assertEquals("1016", VfHardware.match(List.of("ACPI\\SOMETHING", "PCI\\VEN_15B3&DEV_1016"))
                .orElseThrow().deviceId());
    }

    @Test
    void unlistedMellanoxOrMicrosoftEthernetFunctionIsAVfToo() {
        // a newer VF generation than the list knows must not read as "no VF"
        VfHardware cx7 = VfHardware.match(List.of("PCI\\VEN_15B3&DEV_1022&SUBSYS_0000", "PCI\\VEN_15B3&DEV_1022&CC_020000"))
                .orElseThrow();
        assertEquals("1022", cx7.deviceId());
        assertEquals("Ethernet Virtual Function 15b3:1022", cx7.model());
        assertEquals(false, cx7.bus());
        assertEquals(true, VfHardware.match(List.of("PCI\\VEN_1414&DEV_00C1&CC_0200")).orElseThrow().bus());
        assertEquals(Optional.empty(), VfHardware.match(List.of("PCI\\VEN_1414&DEV_5353&CC_030000")),
                "Hyper-V video is no VF");
        assertEquals(Optional.empty(), VfHardware.match(List.of("PCI\\VEN_8086&DEV_10ED&CC_020000")),
                "another vendor's Ethernet function is no Azure VF");
    }

    @Test
    void infinibandFunctionsAreNotAcceleratedNetworkingVfs() {
        assertEquals(Optional.empty(), VfHardware.match(List.of("PCI\\VEN_15B3&DEV_101C&SUBSYS_0000",
                "PCI\\VEN_15B3&DEV_101C&CC_020700", "PCI\\VEN_15B3&DEV_101C&CC_0207")));
    }

    @Test
    void otherDevicesDoNotMatch() {
        assertEquals(Optional.empty(), VfHardware.match(List.of("PCI\\VEN_15B3&DEV_1015")), "a ConnectX-4 Lx PF");
        assertEquals(Optional.empty(), VfHardware.match(List.of("PCI\\VEN_1414&DEV_5353")));
        assertEquals(Optional.empty(), VfHardware.match(List.of("VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}")));
        assertEquals(Optional.empty(), VfHardware.match(List.of("PCI\\VEN_15B3")));
        assertEquals(Optional.empty(), VfHardware.match(List.of()));
    }
}
