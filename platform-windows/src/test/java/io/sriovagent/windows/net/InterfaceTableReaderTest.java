package io.sriovagent.windows.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.ptr.PointerByReference;
import io.sriovagent.host.ReadError;
import io.sriovagent.windows.jna.IpHelperLibrary;
import io.sriovagent.windows.jna.MibIfRow2;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterfaceTableReaderTest {

    private static MibIfRow2 row(int operStatus, int flags, int macLength, int mtu) {
        MibIfRow2 row = new MibIfRow2();
        row.InterfaceGuid = new Guid.GUID("{3D2C1B0A-9F8E-4D7C-8B6A-5F4E3D2C1B02}");
        "Ethernet 4".chars().forEach(new java.util.function.IntConsumer() {
            int i;

            @Override
            public void accept(int c) {
                row.Alias[i++] = (short) c;
            }
        });
        row.PhysicalAddressLength = macLength;
        System.arraycopy(new byte[] {0x00, 0x0D, 0x3A, (byte) 0xAA, 0x00, (byte) 0xAA}, 0, row.PhysicalAddress, 0, 6);
        row.OperStatus = operStatus;
        row.InterfaceAndOperStatusFlags = (byte) flags;
        row.Mtu = mtu;
        row.InUcastPkts = 5;
        row.InNUcastPkts = 2;
        row.OutUcastPkts = 7;
        row.OutDiscards = 1;
        return row;
    }

    @Test
    void convertsTheFieldsTheProbeUses() {
        InterfaceRow row = InterfaceTableReader.convert(row(1, MibIfRow2.FLAG_HARDWARE_INTERFACE, 6, 1500));

        assertEquals("{3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b02}", row.guid());
        assertEquals("Ethernet 4", row.alias());
        assertEquals("00:0d:3a:aa:00:aa", row.mac());
        assertEquals(1500, row.mtu());
        assertEquals("up", row.operState());
        assertTrue(row.adapterRow());
        assertEquals(7, row.counters().inPackets());
        assertEquals(7, row.counters().outPackets());
        assertEquals(1, row.counters().outDiscards());
    }

    @Test
    void operStatesUseTheLinuxNames() {
        List<String> states = new ArrayList<>();
        for (int status = 0; status <= 8; status++) {
            states.add(InterfaceTableReader.convert(row(status, 1, 6, 1500)).operState());
        }
        assertEquals(List.of("unknown", "up", "down", "testing", "unknown", "dormant", "notpresent",
                "lowerlayerdown", "unknown"), states);
    }

    @Test
    void filterRowsAreNotAdapterRows() {
        assertFalse(InterfaceTableReader.convert(row(1, MibIfRow2.FLAG_FILTER_INTERFACE, 6, 1500)).adapterRow());
        assertFalse(InterfaceTableReader.convert(row(1, 0, 6, 1500)).adapterRow(), "software interfaces");
        assertFalse(InterfaceTableReader.convert(row(1, 3, 6, 1500)).adapterRow());
    }

    @Test
    void missingMacAndMtuAreMarked() {
        InterfaceRow row = InterfaceTableReader.convert(row(1, 1, 0, -1));
        assertNull(row.mac());
        assertEquals(-1, row.mtu());
        assertNull(InterfaceTableReader.convert(row(1, 1, 33, 1500)).mac(), "a length beyond the array");
    }

    @Test
    void implausibleRowCountIsAnErrorAndTheTableIsStillFreed() {
        IpHelperLibrary library = mock(IpHelperLibrary.class);
        Memory table = new Memory(16);
        table.clear();
        table.setInt(0, -5);
        when(library.GetIfTable2(any())).thenAnswer(call -> {
            ((PointerByReference) call.getArgument(0)).setValue(table);
            return 0;
        });
        List<ReadError> errors = new ArrayList<>();

        assertEquals(Optional.empty(), new InterfaceTableReader(library).read(errors::add));

        assertEquals(List.of(new ReadError("iphlpapi", "interface table", "implausible row count -5")), errors);
        verify(library).FreeMibTable(table);
    }

    @Test
    void successWithoutTableIsAnError() {
        IpHelperLibrary library = mock(IpHelperLibrary.class);
        List<ReadError> errors = new ArrayList<>();

        assertEquals(Optional.empty(), new InterfaceTableReader(library).read(errors::add));

        assertEquals(List.of(new ReadError("iphlpapi", "interface table", "GetIfTable2 returned no table")), errors);
    }
}
