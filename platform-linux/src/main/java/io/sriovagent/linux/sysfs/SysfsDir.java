package io.sriovagent.linux.sysfs;

import io.sriovagent.linux.support.ReadErrors;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A sysfs directory whose attributes are read one by one. A failed read never throws: it leaves the value
 * empty and records a {@code sysfs} read error naming the host path, so a garbled {@code mtu} costs one value,
 * not the probe.
 */
public final class SysfsDir {

    public static final String SOURCE = "sysfs";

    private final HostRoot host;
    private final Path path;
    private final String displayPath;
    private final ReadErrors errors;

    /**
     * @param path        the resolved directory inside the host root
     * @param displayPath the host path a person knows it by ({@code /sys/class/net/eth0}), used in read errors
     */
    public SysfsDir(HostRoot host, Path path, String displayPath, ReadErrors errors) {
        this.host = host;
        this.path = path;
        this.displayPath = displayPath;
        this.errors = errors;
    }

    /** True while the directory exists: a network interface that is being removed loses its directory. */
    public boolean exists() {
        return Files.isDirectory(path);
    }

    /** A subdirectory such as {@code statistics}, read with the same error sink. */
    public SysfsDir child(String name) {
        return new SysfsDir(host, path.resolve(name), displayPath + "/" + name, errors);
    }

    /** An attribute every directory of this kind has: missing or unreadable is a read error. */
    public Optional<String> text(String attribute) {
        try {
            return Optional.of(host.read(path.resolve(attribute)).strip());
        } catch (IOException e) {
            fail(attribute, describe(e));
            return Optional.empty();
        }
    }

    /** A decimal integer attribute ({@code mtu}, {@code type}); garbled text is a read error. */
    public OptionalInt integer(String attribute) {
        Optional<String> text = text(attribute);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.get()));
        } catch (NumberFormatException e) {
            fail(attribute, "not a number: " + quote(text.get()));
            return OptionalInt.empty();
        }
    }

    /**
     * An unsigned decimal counter ({@code statistics/rx_packets}). Counters are unsigned 64-bit in the kernel;
     * values above {@link Long#MAX_VALUE} wrap to negative longs, as deltas expect.
     */
    public OptionalLong counter(String attribute) {
        Optional<String> text = text(attribute);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(text.get()));
        } catch (NumberFormatException e) {
            fail(attribute, "not a counter: " + quote(text.get()));
            return OptionalLong.empty();
        }
    }

    /** A hexadecimal attribute written {@code 0x1003} ({@code flags}, {@code vendor}, {@code class}). */
    public OptionalLong hex(String attribute) {
        Optional<String> text = text(attribute);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = text.get();
        String digits = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : "";
        try {
            if (digits.isEmpty() || digits.length() > 16) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(Long.parseUnsignedLong(digits, 16));
        } catch (NumberFormatException e) {
            fail(attribute, "not a hexadecimal value: " + quote(value));
            return OptionalLong.empty();
        }
    }

    /**
     * Follows the symbolic link {@code name} ({@code device}, {@code driver}, {@code master}, {@code lower_X}).
     *
     * @return the resolved target, or empty when there is no such link
     * @throws IOException when the entry is not a link, dangles, or cannot be read (the caller decides whether
     *                     that is a read error or a device going away)
     */
    public Optional<Path> link(String name) throws IOException {
        return host.resolveLink(path, name);
    }

    /** The names of the entries that start with {@code prefix}, sorted; a read error when it cannot be listed. */
    public List<String> entriesStartingWith(String prefix) {
        try {
            return host.list(path).stream().filter(name -> name.startsWith(prefix)).toList();
        } catch (IOException e) {
            errors.add(SOURCE, displayPath, "cannot list: " + describe(e));
            return List.of();
        }
    }

    /** Records a read error about {@code attribute} of this directory. */
    public void fail(String attribute, String message) {
        errors.add(SOURCE, displayPath + "/" + attribute, message);
    }

    /** One line for a person: the kind of failure, not Java's class name or the host-root prefix of the path. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String quote(String text) {
        String shown = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        return "\"" + shown + "\"";
    }
}
