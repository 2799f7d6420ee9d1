package io.sriovagent.linux.ethtool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Reads and writes the hex files under {@code src/test/resources/ethtool}: {@code #} comment lines first (where
 * the bytes come from), then the bytes as hex, grouped for reading. Recorded files are little-endian (x86_64).
 */
final class HexBuffers {

    private static final int BYTES_PER_LINE = 32;

    private HexBuffers() {
    }

    static ByteBuffer resource(String name) {
        try (InputStream in = HexBuffers.class.getResourceAsStream("/ethtool/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ethtool/" + name);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.replaceAll("\\s", ""))
                    .collect(Collectors.joining());
            return ByteBuffer.wrap(HexFormat.of().parseHex(hex)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text resource (captured {@code ethtool -S} output) without its {@code #} provenance lines. */
    static String printed(String name) {
        try (InputStream in = HexBuffers.class.getResourceAsStream("/ethtool/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ethtool/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(String comment, byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        HexFormat hex = HexFormat.of();
        for (int line = 0; line < length; line += BYTES_PER_LINE) {
            for (int word = line; word < Math.min(line + BYTES_PER_LINE, length); word += 4) {
                if (word > line) {
                    text.append(' ');
                }
                text.append(hex.formatHex(bytes, word, Math.min(word + 4, length)));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
