package io.sriovagent.windows.jna;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the UTF-16LE strings that the W functions write. Done by hand rather than with
 * {@link Pointer#getWideString(long)}, which reads the JVM platform's wchar_t (4 bytes off Windows): the same
 * code then behaves identically on Windows and in the tests.
 */
public final class WideStrings {

    private WideStrings() {
    }

    /** The string at {@code memory} up to the first NUL or {@code maxBytes}, whichever comes first. */
    public static String read(Pointer memory, int maxBytes) {
        return decode(memory.getByteArray(0, maxBytes & ~1), 0);
    }

    /** A REG_MULTI_SZ value: NUL-separated strings ending with an empty one. */
    public static List<String> readMulti(Pointer memory, int maxBytes) {
        byte[] bytes = memory.getByteArray(0, maxBytes & ~1);
        List<String> values = new ArrayList<>();
        int offset = 0;
        while (offset + 1 < bytes.length) {
            String value = decode(bytes, offset);
            if (value.isEmpty()) {
                break;
            }
            values.add(value);
            offset += (value.length() + 1) * 2;
        }
        return List.copyOf(values);
    }

    /** A fixed WCHAR array of a structure, up to its first NUL. */
    public static String fromUnits(short[] units) {
        int length = 0;
        while (length < units.length && units[length] != 0) {
            length++;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) units[i];
        }
        return new String(chars);
    }

    /** The UTF-16LE bytes of {@code text} followed by a NUL, for tests and for writing into structures. */
    public static byte[] encode(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withNul = new byte[body.length + 2];
        System.arraycopy(body, 0, withNul, 0, body.length);
        return withNul;
    }

    private static String decode(byte[] bytes, int from) {
        int end = from;
        while (end + 1 < bytes.length && (bytes[end] != 0 || bytes[end + 1] != 0)) {
            end += 2;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_16LE);
    }
}
