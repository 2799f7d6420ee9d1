package io.sriovagent.linux.os;

import io.sriovagent.host.OsInfo;
import io.sriovagent.host.OsSupport;
import io.sriovagent.linux.support.ReadErrors;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.linux.sysfs.SysfsDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the distribution (os-release) and the running kernel of the host, and judges them. */
public final class OsReader {

    public static final String SOURCE = "os";

    static final String OS_RELEASE = "/etc/os-release";
    static final String OS_RELEASE_FALLBACK = "/usr/lib/os-release";
    static final String KERNEL_RELEASE = "/proc/sys/kernel/osrelease";

    /** What was read: the snapshot's part, and the kernel as a number for other readers (null when unknown). */
    public record Reading(OsInfo info, VersionNumber kernel) {
    }

    private final HostRoot host;
    private final KernelPolicy policy;

    public OsReader(HostRoot host, KernelPolicy policy) {
        this.host = host;
        this.policy = policy;
    }

    public Reading read(ReadErrors errors) {
        OsRelease release = readOsRelease(errors);
        String kernel = readKernel(errors);
        VersionNumber kernelVersion = VersionNumber.parse(kernel).orElse(null);
        if (kernel != null && kernelVersion == null) {
            errors.add(SOURCE, KERNEL_RELEASE, "not a kernel version: \"" + kernel + "\"");
        }
        OsSupport support = policy.judge(release, kernel);
        return new Reading(new OsInfo("linux", release == null ? null : release.id(),
                release == null ? null : release.versionId(), kernel, support), kernelVersion);
    }

    private OsRelease readOsRelease(ReadErrors errors) {
        // os-release(5): /etc/os-release takes precedence; /usr/lib/os-release is the fallback.
        String firstProblem = null;
        for (String path : new String[] {OS_RELEASE, OS_RELEASE_FALLBACK}) {
            try {
                Optional<Path> file = host.resolve(path);
                if (file.isPresent()) {
                    return OsRelease.parse(host.read(file.get()));
                }
                firstProblem = firstProblem == null ? path + " does not exist" : firstProblem;
            } catch (IOException e) {
                firstProblem = firstProblem == null ? path + ": " + SysfsDir.describe(e) : firstProblem;
            }
        }
        errors.add(SOURCE, OS_RELEASE, "no os-release file can be read (" + firstProblem + ")");
        return null;
    }

    private String readKernel(ReadErrors errors) {
        try {
            Optional<Path> file = host.resolve(KERNEL_RELEASE);
            if (file.isEmpty()) {
                errors.add(SOURCE, KERNEL_RELEASE, "does not exist");
                return null;
            }
            String kernel = host.read(file.get()).strip();
            if (kernel.isEmpty()) {
                errors.add(SOURCE, KERNEL_RELEASE, "is empty");
                return null;
            }
            return kernel;
        } catch (IOException e) {
            errors.add(SOURCE, KERNEL_RELEASE, SysfsDir.describe(e));
            return null;
        }
    }
}
