package io.sriovagent.check;

/**
 * The stable check identifiers of the status JSON and metrics. Never rename one: dashboards and alerts key on them.
 */
public enum CheckId {
    KERNEL_VERSION("kernel_version", Severity.WARNING, false),
    OS_BUILD("os_build", Severity.WARNING, false),
    VF_PRESENT("vf_present", Severity.CRITICAL, true),
    VF_DRIVER_BOUND("vf_driver_bound", Severity.CRITICAL, false),
    VF_LINK("vf_link", Severity.CRITICAL, true),
    VF_MTU("vf_mtu", Severity.WARNING, false),
    DATAPATH("datapath", Severity.CRITICAL, true),
    VF_FLAPPING("vf_flapping", Severity.CRITICAL, false);

    private final String wireName;
    private final Severity severity;
    private final boolean transientFailure;

    CheckId(String wireName, Severity severity, boolean transientFailure) {
        this.wireName = wireName;
        this.severity = severity;
        this.transientFailure = transientFailure;
    }

    /** The id as it appears in JSON, reasons and metric labels. */
    public String wireName() {
        return wireName;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * True for failures that host servicing causes routinely (VF removed for a while, VF down during re-add,
     * traffic on the synthetic path meanwhile): the daemon tolerates them for {@code --grace}.
     */
    public boolean transientFailure() {
        return transientFailure;
    }

    public static CheckId fromWireName(String wireName) {
        for (CheckId id : values()) {
            if (id.wireName.equals(wireName)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown check id: " + wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
