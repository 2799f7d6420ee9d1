package io.sriovagent.hosttree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Unpacks a host tree kept as plain text: fixture hosts for tests and the recorded Azure host of the demo.
 *
 * <p>Real sysfs trees cannot live in a repository as files (colons in names, symlinks that Windows checkouts
 * break) and review badly; this text form diffs well. One directive per line:
 * <pre>
 * # comment (blank lines are ignored too)
 * dir PATH                  a directory
 * file PATH = TEXT          a file holding TEXT and a newline, as sysfs attributes do
 * file PATH &lt;&lt;END           a file holding the following lines up to a line "END" (any word may replace END)
 * empty PATH                a zero-byte file
 * link PATH -&gt; TARGET       a symbolic link (TARGET kept verbatim, usually relative)
 * unreadable PATH           a directory where a file is expected, so reading it fails even for root
 * remove PATH               delete PATH (and everything under it): for overlays applied to an unpacked tree
 * </pre>
 * Paths are relative to the target directory and may not climb out of it. Parent directories are created
 * as needed; {@code file} and {@code link} replace what stands at PATH.
 */
public final class HostTreeArchive {

    private HostTreeArchive() {
    }

    /** Unpacks (or overlays) the archive text into {@code target}. */
    public static void unpack(String archiveText, Path target) throws IOException {
        List<String> lines = archiveText.lines().toList();
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            int space = trimmed.indexOf(' ');
            if (space < 0) {
                throw syntax(lineNumber, "a directive needs a path: " + trimmed);
            }
            String directive = trimmed.substring(0, space);
            String rest = trimmed.substring(space + 1).strip();
            switch (directive) {
                case "dir" -> Files.createDirectories(resolve(root, rest, lineNumber));
                case "empty" -> write(resolve(root, rest, lineNumber), "");
                case "unreadable" -> {
                    Path path = resolve(root, rest, lineNumber);
                    delete(path);
                    Files.createDirectories(path);
                }
                case "remove" -> delete(resolve(root, rest, lineNumber));
                case "link" -> {
                    int arrow = rest.indexOf(" -> ");
                    if (arrow < 0) {
                        throw syntax(lineNumber, "link needs 'PATH -> TARGET'");
                    }
                    Path path = resolve(root, rest.substring(0, arrow).strip(), lineNumber);
                    delete(path);
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(rest.substring(arrow + 4).strip()));
                }
                case "file" -> i = unpackFile(root, lines, i, rest, lineNumber);
                default -> throw syntax(lineNumber, "unknown directive '" + directive + "'");
            }
        }
    }

    /** Unpacks an archive file; see {@link #unpack(String, Path)}. */
    public static void unpack(Path archive, Path target) throws IOException {
        unpack(Files.readString(archive, StandardCharsets.UTF_8), target);
    }

    private static int unpackFile(Path root, List<String> lines, int index, String rest, int lineNumber)
            throws IOException {
        int equals = rest.indexOf(" = ");
        int heredoc = rest.indexOf(" <<");
        if (heredoc >= 0 && (equals < 0 || heredoc < equals)) {
            Path path = resolve(root, rest.substring(0, heredoc).strip(), lineNumber);
            String terminator = rest.substring(heredoc + 3).strip();
            if (terminator.isEmpty()) {
                throw syntax(lineNumber, "heredoc needs a terminator word after <<");
            }
            StringBuilder content = new StringBuilder();
            int i = index + 1;
            for (; i < lines.size() && !lines.get(i).equals(terminator); i++) {
                content.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw syntax(lineNumber, "heredoc not closed by a line '" + terminator + "'");
            }
            write(path, content.toString());
            return i;
        }
        if (equals >= 0) {
            write(resolve(root, rest.substring(0, equals).strip(), lineNumber), rest.substring(equals + 3) + "\n");
            return index;
        }
        if (rest.endsWith(" =")) {
            write(resolve(root, rest.substring(0, rest.length() - 2).strip(), lineNumber), "\n");
            return index;
        }
        throw syntax(lineNumber, "file needs 'PATH = TEXT' or 'PATH <<END'");
    }

    private static Path resolve(Path root, String relative, int lineNumber) {
        Path path = root.resolve(relative).normalize();
        if (relative.isEmpty() || relative.startsWith("/") || !path.startsWith(root) || path.equals(root)) {
            throw syntax(lineNumber, "path must be relative and stay inside the tree: " + relative);
        }
        return path;
    }

    private static void write(Path path, String content) throws IOException {
        delete(path);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static IllegalArgumentException syntax(int lineNumber, String message) {
        return new IllegalArgumentException("host tree archive line " + lineNumber + ": " + message);
    }

    /** {@code java -cp sriov-agent.jar io.sriovagent.hosttree.HostTreeArchive ARCHIVE... TARGET_DIR} */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: HostTreeArchive ARCHIVE... TARGET_DIR (later archives overlay earlier ones)");
            System.exit(2);
        }
        Path target = Path.of(args[args.length - 1]);
        try {
            for (int i = 0; i < args.length - 1; i++) {
                unpack(Path.of(args[i]), target);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("HostTreeArchive: " + e.getMessage());
            System.exit(2);
        }
    }
}
