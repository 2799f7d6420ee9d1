package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid;

/**
 * MIB_IF_ROW2 (netioapi.h), 1352 bytes on x64. WCHAR arrays are {@code short[]} so the layout does not depend on
 * the JVM's wchar_t (jna-platform's copy uses {@code char[]}, 4 bytes per WCHAR off Windows).
 */
@Structure.FieldOrder({
        "InterfaceLuid", "InterfaceIndex", "InterfaceGuid", "Alias", "Description", "PhysicalAddressLength",
        "PhysicalAddress", "PermanentPhysicalAddress", "Mtu", "Type", "TunnelType", "MediaType",
        "PhysicalMediumType", "AccessType", "DirectionType", "InterfaceAndOperStatusFlags", "OperStatus",
        "AdminStatus", "MediaConnectState", "NetworkGuid", "ConnectionType", "TransmitLinkSpeed",
        "ReceiveLinkSpeed", "InOctets", "InUcastPkts", "InNUcastPkts", "InDiscards", "InErrors", "InUnknownProtos",
        "InUcastOctets", "InMulticastOctets", "InBroadcastOctets", "OutOctets", "OutUcastPkts", "OutNUcastPkts",
        "OutDiscards", "OutErrors", "OutUcastOctets", "OutMulticastOctets", "OutBroadcastOctets", "OutQLen"})
public class MibIfRow2 extends Structure {

    public static final int IF_MAX_STRING_SIZE = 256;
    public static final int IF_MAX_PHYS_ADDRESS_LENGTH = 32;

    /** Bits of {@link #InterfaceAndOperStatusFlags}. */
    public static final int FLAG_HARDWARE_INTERFACE = 0x1;
    /** A filter (LWF) module's interface: it repeats the MAC of the adapter below it. */
    public static final int FLAG_FILTER_INTERFACE = 0x2;

    public long InterfaceLuid;
    public int InterfaceIndex;
    public Guid.GUID InterfaceGuid;
    public short[] Alias = new short[IF_MAX_STRING_SIZE + 1];
    public short[] Description = new short[IF_MAX_STRING_SIZE + 1];
    public int PhysicalAddressLength;
    public byte[] PhysicalAddress = new byte[IF_MAX_PHYS_ADDRESS_LENGTH];
    public byte[] PermanentPhysicalAddress = new byte[IF_MAX_PHYS_ADDRESS_LENGTH];
    public int Mtu;
    public int Type;
    public int TunnelType;
    public int MediaType;
    public int PhysicalMediumType;
    public int AccessType;
    public int DirectionType;
    /** A struct of eight BOOLEAN bit-fields in one byte. */
    public byte InterfaceAndOperStatusFlags;
    public int OperStatus;
    public int AdminStatus;
    public int MediaConnectState;
    public Guid.GUID NetworkGuid;
    public int ConnectionType;
    public long TransmitLinkSpeed;
    public long ReceiveLinkSpeed;
    public long InOctets;
    public long InUcastPkts;
    public long InNUcastPkts;
    public long InDiscards;
    public long InErrors;
    public long InUnknownProtos;
    public long InUcastOctets;
    public long InMulticastOctets;
    public long InBroadcastOctets;
    public long OutOctets;
    public long OutUcastPkts;
    public long OutNUcastPkts;
    public long OutDiscards;
    public long OutErrors;
    public long OutUcastOctets;
    public long OutMulticastOctets;
    public long OutBroadcastOctets;
    public long OutQLen;

    public MibIfRow2() {
    }

    /** A view of a row inside native memory (a MIB_IF_TABLE2); call {@link #read()} to load it. */
    public MibIfRow2(Pointer memory) {
        super(memory);
    }

    /** The offset of a field, for the layout tests. */
    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
