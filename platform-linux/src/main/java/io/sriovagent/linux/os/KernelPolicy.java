package io.sriovagent.linux.os;

import io.sriovagent.host.OsSupport;
import java.util.List;
import java.util.Optional;

/**
 * Judges the running kernel against the documented minimum of its distribution release. Pure: os-release
 * fields and the kernel release in, an {@link OsSupport} with one actionable sentence out.
 */
public final class KernelPolicy {

    public static final String CHECK_ID = "kernel_version";

    private final KernelMinimums table;

    public KernelPolicy(KernelMinimums table) {
        this.table = table;
    }

    /**
     * @param release the os-release fields, null when no os-release file could be read
     * @param kernel  {@code /proc/sys/kernel/osrelease}, null when it could not be read
     */
    public OsSupport judge(OsRelease release, String kernel) {
        if (kernel == null) {
            return unknown("The running kernel version could not be read from /proc/sys/kernel/osrelease, "
                    + "so it was not checked against the documented minimums.");
        }
        Optional<VersionNumber> kernelVersion = VersionNumber.parse(kernel);
        if (kernelVersion.isEmpty()) {
            return unknown("The kernel release \"" + kernel + "\" is not a version number, "
                    + "so it was not checked against the documented minimums.");
        }
        if (release == null || release.id() == null) {
            return unknown("The distribution could not be read from /etc/os-release or /usr/lib/os-release, "
                    + "so kernel " + kernel + " was not checked against a distribution's minimum.");
        }
        Optional<KernelMinimums.Distribution> distribution = table.distribution(release.id());
        if (distribution.isEmpty()) {
            return unknown("Distribution \"" + release.id() + "\" has no documented minimum for accelerated "
                    + "networking, so kernel " + kernel + " was not judged.");
        }
        return judge(distribution.get(), release.versionId(), kernel, kernelVersion.get());
    }

    private static OsSupport judge(KernelMinimums.Distribution distribution, String versionId, String kernel,
                                   VersionNumber kernelVersion) {
        String name = distribution.name();
        Optional<KernelMinimums.Release> match;
        String named;
        if (distribution.anyVersion()) {
            match = distribution.releases().stream().filter(release -> release.from() == null).findFirst();
            named = versionId == null ? name : name + " " + versionId;
        } else {
            Optional<VersionNumber> version = VersionNumber.parse(versionId);
            if (version.isEmpty()) {
                return unknown("os-release gives no usable VERSION_ID for " + name + " ("
                        + (versionId == null ? "none" : "\"" + versionId + "\"") + "), so kernel " + kernel
                        + " was not judged against a release's minimum.");
            }
            match = distribution.releases().stream().filter(release -> release.contains(version.get())).findFirst();
            named = name + " " + versionId;
        }
        if (match.isEmpty()) {
            List<String> ranges = distribution.releases().stream().map(KernelMinimums.Release::describeRange).toList();
            return new OsSupport(CHECK_ID, OsSupport.Status.UNSUPPORTED, null,
                    named + " is not a release documented to support accelerated networking (supported: "
                            + String.join(", ", ranges) + "): upgrade to a supported release.");
        }
        Optional<VersionNumber> minimum = match.get().minimum();
        if (minimum.isEmpty()) {
            return new OsSupport(CHECK_ID, OsSupport.Status.SUPPORTED, null,
                    named + " supports accelerated networking with its own kernels; no kernel minimum applies "
                            + "(running " + kernel + ").");
        }
        String minimumText = match.get().minimumKernel();
        if (kernelVersion.compareTo(minimum.get()) < 0) {
            return new OsSupport(CHECK_ID, OsSupport.Status.UNSUPPORTED, minimumText,
                    "Kernel " + kernel + " is older than " + minimumText + ", the documented minimum for "
                            + "accelerated networking on " + named + ": upgrade the kernel to " + minimumText
                            + " or later and reboot.");
        }
        return new OsSupport(CHECK_ID, OsSupport.Status.SUPPORTED, minimumText,
                "Kernel " + kernel + " meets " + minimumText + ", the documented minimum for accelerated "
                        + "networking on " + named + ".");
    }

    private static OsSupport unknown(String message) {
        return new OsSupport(CHECK_ID, OsSupport.Status.UNKNOWN, null, message);
    }
}
