package io.sriovagent.host;

import java.util.Objects;

/**
 * The operating system as probed.
 *
 * @param os            {@code linux} or {@code windows}
 * @param distro        Linux: os-release {@code ID} ({@code ubuntu}); Windows: the product name; null when unreadable
 * @param distroVersion Linux: os-release {@code VERSION_ID}; Windows: the display version; null when unreadable
 * @param kernel        Linux: {@code /proc/sys/kernel/osrelease}; Windows: the build ({@code 10.0.20348.2655})
 * @param support       the platform's judgement of this kernel/build against its documented minimums
 */
public record OsInfo(String os, String distro, String distroVersion, String kernel, OsSupport support) {
    public OsInfo {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(support, "support");
    }
}
