package io.sriovagent.host;

import java.util.Objects;

/**
 * The driver state of a VF PCI function, judged by the platform (which knows its VF driver names and error codes).
 *
 * @param state  the judgement
 * @param driver the bound driver's name, null when none is bound
 * @param detail evidence for a person: a problem code and its meaning, or why the driver is not a VF driver;
 *               null when there is nothing to add
 */
public record DriverBinding(State state, String driver, String detail) {

    public enum State {
        /** A VF driver ({@code mlx4_core}, {@code mlx5_core}, {@code mana}...) is bound and reports no problem. */
        VF_DRIVER,
        /** No driver is bound to the function. */
        NO_DRIVER,
        /** A driver is bound, but not one that gives the synthetic NIC a VF (e.g. {@code vfio-pci}). */
        OTHER_DRIVER,
        /** The OS reports a problem with the device or its driver (Windows problem codes). */
        PROBLEM,
        /** The driver could not be read. */
        UNREADABLE
    }

    public DriverBinding {
        Objects.requireNonNull(state, "state");
    }

    public static DriverBinding vfDriver(String driver) {
        return new DriverBinding(State.VF_DRIVER, driver, null);
    }

    public static DriverBinding noDriver() {
        return new DriverBinding(State.NO_DRIVER, null, null);
    }
}
