package io.sriovagent.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configurable option, with its default and help text. The same name serves as the flag
 * ({@code --host-root}), the config-file key ({@code "host-root"}) and, upper-cased with underscores, the
 * environment variable ({@code SRIOV_AGENT_HOST_ROOT}).
 */
public enum OptionSpec {
    HOST_ROOT("host-root", "DIR", "/", "read sysfs at DIR/sys, procfs at DIR/proc, os-release at DIR/etc/os-release"),
    ETHTOOL("ethtool", "ioctl|command", "ioctl", "how NIC statistics are read: the SIOCETHTOOL ioctl, or `ethtool -S`"),
    ETHTOOL_COMMAND("ethtool-command", "PATH", "ethtool", "executable used by the command source"),
    LSPCI_COMMAND("lspci-command", "PATH", "lspci", "executable whose output names PCI devices"),
    INTERVAL("interval", "SECONDS", "5", "daemon: time between probes"),
    WINDOW("window", "SECONDS", "5", "check: time between its two probes"),
    GRACE("grace", "SECONDS", "300", "daemon: how long a transient datapath failure may last before Unhealthy"),
    EXPECT_VF("expect-vf", "auto|all|IFACE,...", "auto", "which synthetic NICs must have a VF"),
    LISTEN("listen", "HOST:PORT", "127.0.0.1:9798", "the HTTP listener for every endpoint"),
    METRICS_LISTEN("metrics-listen", "HOST:PORT", null, "an optional second listener serving only /metrics"),
    DATAPATH_MIN_PPS("datapath-min-pps", "N", "100",
            "a traffic window below N packets/s (VF + synthetic) is idle and not judged"),
    DATAPATH_MIN_VF_SHARE("datapath-min-vf-share", "0..1", "0.5",
            "the lowest share of a busy window's packets that must go through the VF"),
    FLAP_LIMIT("flap-limit", "N", "10", "daemon: VF removals per NIC within an hour above which vf_flapping fails"),
    COMMAND_TIMEOUT("command-timeout", "SECONDS", "10", "how long lspci or ethtool may run before it is stopped"),
    DEBUG("debug", null, "false", "verbose logs, stack traces");

    private final String name;
    private final String valueHint;
    private final String defaultValue;
    private final String help;

    OptionSpec(String name, String valueHint, String defaultValue, String help) {
        this.name = name;
        this.valueHint = valueHint;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    public String optionName() {
        return name;
    }

    public String flag() {
        return "--" + name;
    }

    public String environmentVariable() {
        return "SRIOV_AGENT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** True for switches such as {@code --debug} that take no value on the command line. */
    public boolean isSwitch() {
        return valueHint == null;
    }

    public String valueHint() {
        return valueHint;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String help() {
        return help;
    }

    public static Optional<OptionSpec> byName(String name) {
        return Arrays.stream(values()).filter(spec -> spec.name.equals(name)).findFirst();
    }
}
