package io.sriovagent.windows.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Native;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sizes and field offsets of the structures declared in this module, against the x64 layout of the Windows SDK
 * headers (setupapi.h, netioapi.h, wdm.h). Only fixed-width fields are used, so a 64-bit JVM on any OS computes
 * the Windows layout.
 */
class StructureLayoutTest {

    @BeforeAll
    static void requires64BitJvm() {
        assertEquals(8, Native.POINTER_SIZE, "the layouts below are the x64 ones");
    }

    @Test
    void spDevinfoData() {
        SpDevinfoData data = new SpDevinfoData();
        assertEquals(32, data.size());
        assertEquals(32, data.cbSize, "cbSize must carry the structure size");
        assertEquals(0, offset(data, "cbSize"));
        assertEquals(4, offset(data, "ClassGuid"));
        assertEquals(20, offset(data, "DevInst"));
        assertEquals(24, offset(data, "Reserved"));
    }

    @Test
    void mibIfRow2() {
        MibIfRow2 row = new MibIfRow2();
        assertEquals(1352, row.size());
        assertEquals(0, row.offsetOf("InterfaceLuid"));
        assertEquals(8, row.offsetOf("InterfaceIndex"));
        assertEquals(12, row.offsetOf("InterfaceGuid"));
        assertEquals(28, row.offsetOf("Alias"));
        assertEquals(542, row.offsetOf("Description"));
        assertEquals(1056, row.offsetOf("PhysicalAddressLength"));
        assertEquals(1060, row.offsetOf("PhysicalAddress"));
        assertEquals(1092, row.offsetOf("PermanentPhysicalAddress"));
        assertEquals(1124, row.offsetOf("Mtu"));
        assertEquals(1128, row.offsetOf("Type"));
        assertEquals(1152, row.offsetOf("InterfaceAndOperStatusFlags"));
        assertEquals(1156, row.offsetOf("OperStatus"));
        assertEquals(1160, row.offsetOf("AdminStatus"));
        assertEquals(1164, row.offsetOf("MediaConnectState"));
        assertEquals(1168, row.offsetOf("NetworkGuid"));
        assertEquals(1184, row.offsetOf("ConnectionType"));
        assertEquals(1192, row.offsetOf("TransmitLinkSpeed"));
        assertEquals(1200, row.offsetOf("ReceiveLinkSpeed"));
        assertEquals(1208, row.offsetOf("InOctets"));
        assertEquals(1216, row.offsetOf("InUcastPkts"));
        assertEquals(1224, row.offsetOf("InNUcastPkts"));
        assertEquals(1232, row.offsetOf("InDiscards"));
        assertEquals(1280, row.offsetOf("OutOctets"));
        assertEquals(1288, row.offsetOf("OutUcastPkts"));
        assertEquals(1296, row.offsetOf("OutNUcastPkts"));
        assertEquals(1304, row.offsetOf("OutDiscards"));
        assertEquals(1344, row.offsetOf("OutQLen"));
    }

    @Test
    void mibIfTable2RowsStartAfterTheAlignedCount() {
        MibIfTable2 table = new MibIfTable2();
        assertEquals(0, table.offsetOf("NumEntries"));
        assertEquals(8, table.rowsOffset());
        assertEquals(8 + 1352, table.size());
    }

    @Test
    void rtlOsVersionInfoEx() {
        RtlOsVersionInfoEx info = new RtlOsVersionInfoEx();
        assertEquals(284, info.size());
        assertEquals(284, info.dwOSVersionInfoSize, "the size field must be preset");
        assertEquals(4, info.offsetOf("dwMajorVersion"));
        assertEquals(8, info.offsetOf("dwMinorVersion"));
        assertEquals(12, info.offsetOf("dwBuildNumber"));
        assertEquals(16, info.offsetOf("dwPlatformId"));
        assertEquals(20, info.offsetOf("szCSDVersion"));
        assertEquals(276, info.offsetOf("wServicePackMajor"));
        assertEquals(280, info.offsetOf("wSuiteMask"));
        assertEquals(282, info.offsetOf("wProductType"));
        assertEquals(283, info.offsetOf("wReserved"));
    }

    static int offset(com.sun.jna.Structure structure, String field) {
        try {
            java.lang.reflect.Method method = com.sun.jna.Structure.class.getDeclaredMethod("fieldOffset",
                    String.class);
            method.setAccessible(true);
            return (int) method.invoke(structure, field);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
