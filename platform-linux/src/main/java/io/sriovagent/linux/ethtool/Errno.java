package io.sriovagent.linux.ethtool;

import java.util.Map;

/**
 * Linux errno values the ethtool ioctl can produce, with their names for read errors. The numbers are the
 * generic ones shared by x86_64 and arm64 (the architectures Azure offers).
 */
final class Errno {

    static final int EPERM = 1;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int ENOTTY = 25;
    static final int ENOSYS = 38;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"),
            Map.entry(2, "ENOENT"),
            Map.entry(4, "EINTR"),
            Map.entry(5, "EIO"),
            Map.entry(6, "ENXIO"),
            Map.entry(7, "E2BIG"),
            Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"),
            Map.entry(12, "ENOMEM"),
            Map.entry(EACCES, "EACCES"),
            Map.entry(14, "EFAULT"),
            Map.entry(16, "EBUSY"),
            Map.entry(ENODEV, "ENODEV"),
            Map.entry(22, "EINVAL"),
            Map.entry(23, "ENFILE"),
            Map.entry(24, "EMFILE"),
            Map.entry(ENOTTY, "ENOTTY"),
            Map.entry(34, "ERANGE"),
            Map.entry(ENOSYS, "ENOSYS"),
            Map.entry(75, "EOVERFLOW"),
            Map.entry(93, "EPROTONOSUPPORT"),
            Map.entry(EOPNOTSUPP, "EOPNOTSUPP"),
            Map.entry(EAFNOSUPPORT, "EAFNOSUPPORT"),
            Map.entry(105, "ENOBUFS"),
            Map.entry(110, "ETIMEDOUT"));

    private Errno() {
    }

    /** {@code ENODEV (19)}, or {@code errno 200} for a number without a known name. */
    static String describe(int errno) {
        String name = NAMES.get(errno);
        return name == null ? "errno " + errno : name + " (" + errno + ")";
    }
}
