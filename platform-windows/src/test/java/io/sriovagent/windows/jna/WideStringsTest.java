package io.sriovagent.windows.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Memory;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WideStringsTest {

    private static Memory memory(byte[] bytes) {
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    @Test
    void readsUtf16LittleEndianUpToTheNul() {
        byte[] bytes = WideStrings.encode("Ethernet 3 — Ä");
        Memory memory = memory(java.util.Arrays.copyOf(bytes, bytes.length + 6));

        assertEquals("Ethernet 3 — Ä", WideStrings.read(memory, (int) memory.size()));
    }

    @Test
    void stopsAtTheBufferEndWithoutNul() {
        byte[] bytes = WideStrings.encode("PCI\\VEN_15B3");
        Memory memory = memory(java.util.Arrays.copyOf(bytes, bytes.length - 2));

        assertEquals("PCI\\VEN_15B3", WideStrings.read(memory, (int) memory.size()));
        assertEquals("PCI", WideStrings.read(memory, 6), "an odd or short length cuts the string, never overruns");
    }

    @Test
    void readsMultiStringsUpToTheEmptyOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WideStrings.encode("PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80"));
        out.writeBytes(WideStrings.encode("PCI\\VEN_15B3&DEV_1016&CC_0200"));
        out.writeBytes(new byte[2]);
        out.writeBytes(WideStrings.encode("after the end"));
        Memory memory = memory(out.toByteArray());

        assertEquals(List.of("PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80", "PCI\\VEN_15B3&DEV_1016&CC_0200"),
                WideStrings.readMulti(memory, (int) memory.size()));
    }

    @Test
    void keepsSurrogatePairsInMultiStrings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WideStrings.encode("a\uD83D\uDE00b"));
        out.writeBytes(WideStrings.encode("next"));
        out.writeBytes(new byte[2]);
        Memory memory = memory(out.toByteArray());

        assertEquals(List.of("a\uD83D\uDE00b", "next"), WideStrings.readMulti(memory, (int) memory.size()));
    }

    @Test
    void fixedArraysEndAtTheirFirstNul() {
        short[] units = new short[257];
        "Ethernet 4".chars().forEach(new java.util.function.IntConsumer() {
            int i;

            @Override
            public void accept(int c) {
                units[i++] = (short) c;
            }
        });

        assertEquals("Ethernet 4", WideStrings.fromUnits(units));
        assertEquals("", WideStrings.fromUnits(new short[4]));
    }
}
