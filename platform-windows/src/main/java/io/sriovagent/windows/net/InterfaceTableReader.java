package io.sriovagent.windows.net;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.ptr.PointerByReference;
import io.sriovagent.host.ReadError;
import io.sriovagent.windows.jna.IpHelperLibrary;
import io.sriovagent.windows.jna.MibIfRow2;
import io.sriovagent.windows.jna.MibIfTable2;
import io.sriovagent.windows.jna.Win32Errors;
import io.sriovagent.windows.jna.WideStrings;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the interface table with {@code GetIfTable2} and always releases it with {@code FreeMibTable}.
 * A failed call is a {@link ReadError} with source {@code iphlpapi} and an empty result.
 */
public final class InterfaceTableReader {

    public static final String IPHLPAPI = "iphlpapi";

    /** Far above any VM (each adapter adds a few rows for its filters); more means a corrupt table. */
    private static final int MAX_ROWS = 100_000;
    private static final int ROW_SIZE = new MibIfRow2().size();
    private static final int ROWS_OFFSET = new MibIfTable2().rowsOffset();

    private static final String[] OPER_STATES =
            {null, "up", "down", "testing", "unknown", "dormant", "notpresent", "lowerlayerdown"};

    private final IpHelperLibrary ipHelper;

    public InterfaceTableReader(IpHelperLibrary ipHelper) {
        this.ipHelper = ipHelper;
    }

    /** Every row of the table; empty when the table could not be read. */
    public Optional<List<InterfaceRow>> read(Consumer<ReadError> errors) {
        PointerByReference tableRef = new PointerByReference();
        int rc = ipHelper.GetIfTable2(tableRef);
        if (rc != 0) {
            errors.accept(new ReadError(IPHLPAPI, "interface table", "GetIfTable2 failed: " + Win32Errors.win32(rc)));
            return Optional.empty();
        }
        Pointer table = tableRef.getValue();
        if (table == null) {
            errors.accept(new ReadError(IPHLPAPI, "interface table", "GetIfTable2 returned no table"));
            return Optional.empty();
        }
        try {
            int count = table.getInt(0);
            if (count < 0 || count > MAX_ROWS) {
                errors.accept(new ReadError(IPHLPAPI, "interface table", "implausible row count " + count));
                return Optional.empty();
            }
            List<InterfaceRow> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                MibIfRow2 row = new MibIfRow2(table.share(ROWS_OFFSET + (long) i * ROW_SIZE));
                row.read();
                rows.add(convert(row));
            }
            return Optional.of(List.copyOf(rows));
        } finally {
            ipHelper.FreeMibTable(table);
        }
    }

    static InterfaceRow convert(MibIfRow2 row) {
        int flags = row.InterfaceAndOperStatusFlags;
        return new InterfaceRow(
                guidString(row.InterfaceGuid),
                WideStrings.fromUnits(row.Alias),
                WideStrings.fromUnits(row.Description),
                mac(row.PhysicalAddress, row.PhysicalAddressLength),
                row.Mtu < 0 ? -1 : row.Mtu,
                row.OperStatus > 0 && row.OperStatus < OPER_STATES.length ? OPER_STATES[row.OperStatus] : "unknown",
                (flags & MibIfRow2.FLAG_HARDWARE_INTERFACE) != 0,
                (flags & MibIfRow2.FLAG_FILTER_INTERFACE) != 0,
                new InterfaceRow.Counters(row.InOctets, row.InUcastPkts, row.InNUcastPkts, row.OutOctets,
                        row.OutUcastPkts, row.OutNUcastPkts, row.OutDiscards));
    }

    /** {@code {xxxxxxxx-xxxx-...}} in lower case, the form NetCfgInstanceId is compared in. */
    public static String guidString(Guid.GUID guid) {
        return guid.toGuidString().toLowerCase(Locale.ROOT);
    }

    private static String mac(byte[] address, int length) {
        if (length <= 0 || length > address.length) {
            return null;
        }
        return HexFormat.ofDelimiter(":").formatHex(address, 0, length);
    }
}
