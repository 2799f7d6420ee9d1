package io.sriovagent.linux.os;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of documented minimum kernels for accelerated networking, by distribution and release. It is data
 * ({@code kernel-minimums.json} beside this class), each entry with the source it comes from, so that updating a
 * minimum is an edit of the table, not of code.
 *
 * @param about         what the table holds, for the person editing it
 * @param distributions one entry per distribution family
 */
public record KernelMinimums(String about, List<Distribution> distributions) {

    public static final String RESOURCE = "kernel-minimums.json";

    /**
     * @param ids      os-release {@code ID} values ({@code rhel}, {@code centos})
     * @param name     how messages name it ({@code RHEL/CentOS})
     * @param releases the supported release ranges, each with its minimum
     */
    public record Distribution(List<String> ids, String name, List<Release> releases) {
        public Distribution {
            ids = List.copyOf(ids);
            Objects.requireNonNull(name, "name");
            releases = List.copyOf(releases);
        }

        /** True when the distribution is supported whatever its version (rolling releases). */
        public boolean anyVersion() {
            return releases.stream().anyMatch(release -> release.from() == null);
        }
    }

    /**
     * A range of releases {@code from <= VERSION_ID < until} with one kernel minimum.
     *
     * @param from          first release (os-release VERSION_ID), null for every release
     * @param until         first release no longer in this range, null for open-ended
     * @param minimumKernel the documented minimum kernel, null when none is documented beyond the release's own
     * @param source        where the minimum comes from
     */
    public record Release(String from, String until, String minimumKernel, String source) {
        public Release {
            Objects.requireNonNull(source, "source");
            requireVersion(from, "from");
            requireVersion(until, "until");
            requireVersion(minimumKernel, "minimumKernel");
        }

        public boolean contains(VersionNumber version) {
            return (from == null || version.compareTo(number(from)) >= 0)
                    && (until == null || version.compareTo(number(until)) < 0);
        }

        public Optional<VersionNumber> minimum() {
            return minimumKernel == null ? Optional.empty() : VersionNumber.parse(minimumKernel);
        }

        /** {@code 16.04 and later}, {@code 6.7 up to 7}, {@code every release}. */
        public String describeRange() {
            if (from == null) {
                return "every release";
            }
            return until == null ? from + " and later" : from + " up to " + until;
        }

        private static VersionNumber number(String text) {
            return VersionNumber.parse(text).orElseThrow();
        }

        private static void requireVersion(String text, String field) {
            if (text != null && VersionNumber.parse(text).isEmpty()) {
                throw new IllegalArgumentException(field + " is not a version: " + text);
            }
        }
    }

    public KernelMinimums {
        distributions = List.copyOf(distributions);
    }

    public Optional<Distribution> distribution(String id) {
        return distributions.stream().filter(distribution -> distribution.ids().contains(id)).findFirst();
    }

    /** The table shipped with the agent. */
    public static KernelMinimums load() {
        try (InputStream in = KernelMinimums.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform-linux jar");
            }
            return new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, KernelMinimums.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
