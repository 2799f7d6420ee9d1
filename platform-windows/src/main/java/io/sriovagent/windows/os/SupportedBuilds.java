package io.sriovagent.windows.os;

import io.sriovagent.host.OsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code os_build} judgement: the running build against the table of builds that support accelerated
 * networking ({@code supported-builds.txt}, data rather than code), and MANA VFs against the builds that have
 * MANA drivers.
 */
public final class SupportedBuilds {

    public static final String CHECK_ID = "os_build";

    /** A row of the table. */
    public record Build(int major, int minor, int build, boolean mana, String name) {
        String version() {
            return major + "." + minor + "." + build;
        }
    }

    private static final Comparator<Build> ORDER =
            Comparator.comparingInt(Build::major).thenComparingInt(Build::minor).thenComparingInt(Build::build);

    private final List<Build> builds;

    SupportedBuilds(List<Build> builds) {
        this.builds = builds.stream().sorted(ORDER).toList();
    }

    /** The table shipped with the agent. */
    public static SupportedBuilds load() {
        try (InputStream in = SupportedBuilds.class.getResourceAsStream("supported-builds.txt")) {
            if (in == null) {
                throw new IllegalStateException("supported-builds.txt is missing from the agent");
            }
            return new SupportedBuilds(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Build> parse(String text) {
        List<Build> builds = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 3);
            String[] version = fields[0].split("\\.");
            if (fields.length != 3 || version.length != 3 || !fields[1].matches("mana|no-mana")) {
                throw new IllegalArgumentException("bad supported-builds line: " + raw);
            }
            builds.add(new Build(Integer.parseInt(version[0]), Integer.parseInt(version[1]),
                    Integer.parseInt(version[2]), fields[1].equals("mana"), fields[2]));
        }
        return builds;
    }

    public List<Build> builds() {
        return builds;
    }

    /**
     * Judges the running version.
     *
     * @param version     the running version, null when it could not be read
     * @param manaPresent whether a MANA VF device is present
     */
    public OsSupport judge(WindowsVersion version, boolean manaPresent) {
        String oldest = builds.get(0).version();
        if (version == null) {
            return new OsSupport(CHECK_ID, OsSupport.Status.UNKNOWN, oldest,
                    "the Windows version could not be read");
        }
        String running = version.buildString();
        Optional<Build> match = builds.stream()
                .filter(b -> b.major() == version.major() && b.minor() == version.minor()
                        && b.build() == version.build())
                .findFirst();
        if (match.isPresent()) {
            Build build = match.get();
            if (manaPresent && !build.mana()) {
                return new OsSupport(CHECK_ID, OsSupport.Status.UNSUPPORTED, manaMinimum(),
                        "a MANA VF is present but " + build.name() + " (" + running + ") has no MANA driver; MANA "
                                + "needs " + manaNames());
            }
            return new OsSupport(CHECK_ID, OsSupport.Status.SUPPORTED, manaPresent ? manaMinimum() : oldest,
                    build.name() + " (" + running + ") supports accelerated networking"
                            + (manaPresent ? " with MANA" : ""));
        }
        if (version.client()) {
            return new OsSupport(CHECK_ID, OsSupport.Status.UNKNOWN, null,
                    "Windows " + running + " is a client edition; this agent only knows the server builds ("
                            + allVersions() + ")");
        }
        Build newest = builds.get(builds.size() - 1);
        if (ORDER.compare(new Build(version.major(), version.minor(), version.build(), false, ""), newest) > 0) {
            return new OsSupport(CHECK_ID, OsSupport.Status.UNKNOWN, oldest,
                    "Windows " + running + " is newer than the builds this agent knows (" + allVersions() + ")");
        }
        return new OsSupport(CHECK_ID, OsSupport.Status.UNSUPPORTED, oldest,
                "Windows " + running + " is not one of the builds that support accelerated networking ("
                        + allVersions() + ")");
    }

    private String manaMinimum() {
        return builds.stream().filter(Build::mana).findFirst().map(Build::version).orElse(null);
    }

    private String manaNames() {
        return builds.stream().filter(Build::mana).map(Build::name).collect(Collectors.joining(", "));
    }

    private String allVersions() {
        return builds.stream().map(b -> b.version() + " " + b.name()).collect(Collectors.joining(", "));
    }
}
