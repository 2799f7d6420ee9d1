package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The head of MIB_IF_TABLE2: {@code ULONG NumEntries; MIB_IF_ROW2 Table[ANY_SIZE];}. The rows start at
 * {@link #rowsOffset()} (8 on x64: MIB_IF_ROW2 is 8-byte aligned) and follow each other every
 * {@code new MibIfRow2().size()} bytes.
 */
@Structure.FieldOrder({"NumEntries", "Table"})
public class MibIfTable2 extends Structure {
    public int NumEntries;
    public MibIfRow2[] Table = new MibIfRow2[1];

    public MibIfTable2() {
    }

    public MibIfTable2(Pointer memory) {
        super(memory);
    }

    public int rowsOffset() {
        return fieldOffset("Table");
    }

    public int offsetOf(String field) {
        return fieldOffset(field);
    }
}
