package io.sriovagent.windows.device;

import java.util.Map;

/**
 * The meaning of Device Manager problem codes (CM_PROB_*), worded as Device Manager shows them, for check
 * messages such as "problem code 43: Windows stopped this device because it has reported problems".
 */
public final class ProblemCodes {

    /** CM_PROB_FAILED_INSTALL: no driver is installed for the device. */
    public static final int NO_DRIVER_INSTALLED = 28;

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(1, "This device is not configured correctly"),
            Map.entry(3, "The driver for this device might be corrupted, or the system is running low on memory"),
            Map.entry(10, "This device cannot start"),
            Map.entry(12, "This device cannot find enough free resources that it can use"),
            Map.entry(14, "This device cannot work properly until you restart your computer"),
            Map.entry(18, "Reinstall the drivers for this device"),
            Map.entry(19, "Windows cannot start this device because its configuration information in the "
                    + "registry is incomplete or damaged"),
            Map.entry(21, "Windows is removing this device"),
            Map.entry(22, "This device is disabled"),
            Map.entry(24, "This device is not present, is not working properly, or does not have all its "
                    + "drivers installed"),
            Map.entry(28, "The drivers for this device are not installed"),
            Map.entry(31, "This device is not working properly because Windows cannot load the drivers "
                    + "required for this device"),
            Map.entry(32, "A driver (service) for this device has been disabled"),
            Map.entry(37, "Windows cannot initialize the device driver for this hardware"),
            Map.entry(38, "Windows cannot load the device driver because a previous instance of it is still "
                    + "in memory"),
            Map.entry(39, "Windows cannot load the device driver for this hardware; the driver may be "
                    + "corrupted or missing"),
            Map.entry(40, "Windows cannot access this hardware because its service key information in the "
                    + "registry is missing or recorded incorrectly"),
            Map.entry(41, "Windows loaded the device driver but cannot find the hardware device"),
            Map.entry(43, "Windows stopped this device because it has reported problems"),
            Map.entry(45, "This hardware device is not connected to the computer"),
            Map.entry(47, "Windows cannot use this device because it has been prepared for safe removal"),
            Map.entry(48, "The software for this device has been blocked from starting because it is known "
                    + "to have problems with Windows"),
            Map.entry(52, "Windows cannot verify the digital signature for the drivers required for this device"));

    private ProblemCodes() {
    }

    /** "problem code 43: Windows stopped this device because it has reported problems". */
    public static String describe(int code) {
        String meaning = MEANINGS.get(code);
        return meaning == null
                ? "problem code " + code + " (see the device in Device Manager)"
                : "problem code " + code + ": " + meaning;
    }
}
