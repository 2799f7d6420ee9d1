package io.sriovagent.linux.pci;

import io.sriovagent.host.DriverBinding;
import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.support.OnceLog;
import io.sriovagent.linux.support.ReadErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;

/**
 * lspci's view of the VF functions, fetched again only when the set of VF addresses changes: VFs come and go
 * a few times a year, the probe runs every few seconds, and lspci is a process start.
 *
 * <p>sysfs stays the truth; lspci adds model names and is cross-checked against sysfs. When lspci is absent,
 * fails, hangs or prints nonsense, the probe carries on without it, and the read error that says so is
 * recorded in the snapshot of the probe that ran it (once per topology, not on every probe).
 */
public final class LspciCache {

    public static final String SOURCE = "lspci";

    private static final String FALLBACK = "VF models come from sysfs and the built-in ID table";

    private final LspciRunner runner;
    private final OnceLog log;
    private Set<String> topology;
    private Map<String, LspciDevice> bySlot = Map.of();

    public LspciCache(LspciRunner runner, OnceLog log) {
        this.runner = runner;
        this.log = log;
    }

    /**
     * lspci's records for {@code vfs}, by address; runs lspci first when the set of addresses differs from the
     * last run (and at the first call), recording its failures and disagreements with sysfs in {@code errors}.
     * Records that disagree with sysfs on the IDs are left out, so their names are not used.
     */
    public Map<String, LspciDevice> lookup(List<PciDevice> vfs, ReadErrors errors) {
        Set<String> addresses = new TreeSet<>();
        vfs.forEach(vf -> addresses.add(vf.address()));
        if (addresses.isEmpty()) {
            // Nothing to name: a host without VFs (or without pciutils) needs no lspci, and reports no lspci error.
            topology = addresses;
            bySlot = Map.of();
        } else if (!addresses.equals(topology)) {
            topology = addresses;
            bySlot = refresh(vfs, errors);
        }
        return bySlot;
    }

    private Map<String, LspciDevice> refresh(List<PciDevice> vfs, ReadErrors errors) {
        CommandResult result;
        try {
            result = runner.run();
        } catch (RuntimeException e) {
            return failed("lspci-error", "lspci could not be run: " + e, errors);
        }
        if (!result.succeeded()) {
            // stderr alone is no failure: lspci -k warns about libkmod on systems without module files.
            return failed("lspci-" + result.outcome() + "-" + result.exitCode(), result.describeFailure(), errors);
        }
        LspciParser.Listing listing = LspciParser.parse(result.stdout());
        if (listing.devices().isEmpty() && !result.stdout().isBlank()) {
            return failed("lspci-garbage", "lspci printed no device records (first lines: "
                    + String.join(" | ", listing.firstBadLines()) + ")", errors);
        }
        Map<String, LspciDevice> listed = new HashMap<>();
        listing.devices().forEach(device -> listed.put(device.slot(), device));
        Map<String, LspciDevice> agreeing = new HashMap<>();
        for (PciDevice vf : vfs) {
            LspciDevice device = listed.get(vf.address());
            String idProblem = idDisagreement(vf, device);
            if (idProblem == null) {
                agreeing.put(vf.address(), device);
                disagree(vf, driverDisagreement(vf, device), errors);
            } else {
                disagree(vf, idProblem, errors);
            }
        }
        return Map.copyOf(agreeing);
    }

    private void disagree(PciDevice vf, String problem, ReadErrors errors) {
        if (problem == null) {
            return;
        }
        errors.add(SOURCE, vf.address(), problem + "; sysfs is used");
        log.log(Level.INFO, "lspci-disagrees-" + vf.address(),
                "lspci disagrees with sysfs about " + vf.address() + ": " + problem);
    }

    private Map<String, LspciDevice> failed(String key, String problem, ReadErrors errors) {
        errors.add(SOURCE, "lspci", problem + "; " + FALLBACK);
        log.log(Level.WARNING, key, problem + "; " + FALLBACK + " until it works");
        return Map.of();
    }

    private static String idDisagreement(PciDevice vf, LspciDevice device) {
        if (device == null) {
            return "lspci does not list this VF function that sysfs shows";
        }
        if (!vf.vendorId().equals(device.vendorId()) || !vf.deviceId().equals(device.deviceId())) {
            return "lspci reports " + device.vendorId() + ":" + device.deviceId() + ", sysfs " + vf.vendorId() + ":"
                    + vf.deviceId();
        }
        return null;
    }

    private static String driverDisagreement(PciDevice vf, LspciDevice device) {
        if (vf.driver().state() == DriverBinding.State.UNREADABLE) {
            return null;
        }
        String sysfsDriver = vf.driver().driver();
        if (Objects.equals(sysfsDriver, device.driver())) {
            return null;
        }
        return "lspci reports driver " + orNone(device.driver()) + ", sysfs " + orNone(sysfsDriver);
    }

    private static String orNone(String driver) {
        return driver == null ? "none" : driver;
    }
}
