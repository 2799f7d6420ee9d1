package io.sriovagent.linux.sysfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host's file system seen through {@code --host-root}: every path the probe reads is a host path
 * ({@code /sys/class/net/eth0/mtu}) resolved inside this root.
 *
 * <p>Symbolic links are followed here, not by the operating system, so that a mounted host or a fixture tree
 * behaves like the host itself: a relative target is taken from the link's own directory, an absolute target
 * from the root, and {@code ..} never climbs above the root. sysfs is made of relative links
 * ({@code device -> ../../../7c4b:00:02.0}), so this is also what the kernel does when the root is {@code /}.
 */
public final class HostRoot {

    /** What reads one file; tests wrap it to make files disappear in the middle of a probe. */
    @FunctionalInterface
    public interface FileReader {
        String read(Path file) throws IOException;
    }

    /** The same limit as the kernel's ELOOP: a cycle of links must fail, not spin. */
    private static final int MAX_LINK_HOPS = 40;

    private final Path root;
    private final FileReader reader;

    public HostRoot(Path root) {
        this(root, file -> Files.readString(file, StandardCharsets.UTF_8));
    }

    public HostRoot(Path root, FileReader reader) {
        this.root = canonical(root);
        this.reader = reader;
    }

    /**
     * Resolves a host path inside the root, following every link.
     *
     * @return the resolved path, or empty when some component does not exist
     * @throws IOException when a component cannot be examined or the links loop
     */
    public Optional<Path> resolve(String hostPath) throws IOException {
        return follow(root, hostPath);
    }

    /**
     * Resolves the symbolic link {@code name} inside {@code directory} (a resolved path inside the root).
     *
     * @return the link's resolved target, or empty when the directory has no entry {@code name}
     * @throws IOException when the entry is not a symbolic link, its target does not exist, or it cannot be read
     */
    public Optional<Path> resolveLink(Path directory, String name) throws IOException {
        Path entry = directory.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isSymbolicLink()) {
            throw new NotLinkException(hostPath(entry), null, "expected a symbolic link");
        }
        Optional<Path> target = follow(directory, name);
        if (target.isEmpty()) {
            throw new NoSuchFileException(hostPath(entry), null, "the link's target does not exist");
        }
        return target;
    }

    /** Reads a whole file. */
    public String read(Path file) throws IOException {
        return reader.read(file);
    }

    /** The names in a directory, sorted. */
    public List<String> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    /** The host path of a path inside the root ({@code /sys/class/net/eth0}), for messages. */
    public String hostPath(Path inside) {
        Path normalized = inside.toAbsolutePath().normalize();
        if (!normalized.startsWith(root)) {
            return normalized.toString();
        }
        return "/" + root.relativize(normalized).toString().replace('\\', '/');
    }

    private Optional<Path> follow(Path start, String relative) throws IOException {
        Deque<String> pending = new ArrayDeque<>(components(relative));
        Path current = relative.startsWith("/") ? root : start;
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!current.equals(root)) {
                    current = current.getParent();
                }
                continue;
            }
            Path next = current.resolve(part);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (!attributes.isSymbolicLink()) {
                current = next;
                continue;
            }
            if (++hops > MAX_LINK_HOPS) {
                throw new FileSystemLoopException(hostPath(next));
            }
            String target = Files.readSymbolicLink(next).toString();
            List<String> targetParts = components(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                pending.addFirst(targetParts.get(i));
            }
            if (target.startsWith("/")) {
                current = root;
            }
        }
        return Optional.of(current);
    }

    private static List<String> components(String path) {
        return List.of(path.split("/"));
    }

    private static Path canonical(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // A root that does not exist (yet) is reported by the first read, not here.
            return absolute;
        }
    }
}
