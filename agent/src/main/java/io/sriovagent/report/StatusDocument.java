package io.sriovagent.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The status JSON of {@code check --json} and {@code GET /status}. Field names are part of the external contract:
 * add fields, never rename one.
 */
public record StatusDocument(
        String verdict,
        List<String> reasons,
        Agent agent,
        Host host,
        List<Nic> nics,
        List<Check> checks,
        List<VfDevice> vfDevices,
        List<ReadErrorEntry> readErrors,
        String probedAt) {

    public record Agent(String version) {
    }

    public record Host(String os, String distro, String distroVersion, String kernel, String kernelMinimum) {
    }

    public record Nic(String $interface, String mac, int mtu, String driver, Vf vf, Traffic traffic) {
    }

    public record Vf(String $interface, String pciAddress, String vendorId, String deviceId, String model,
                     String driver, String operState, int mtu, boolean enslaved) {
    }

    /** {@code vfShare} is null when the window carried no packets (JSON has no NaN). */
    public record Traffic(double windowSeconds, long vfPackets, long syntheticPackets, Double vfShare) {
    }

    public record Check(
            String id,
            @JsonInclude(JsonInclude.Include.NON_NULL) String $interface,
            @JsonInclude(JsonInclude.Include.NON_NULL) String device,
            String status,
            String severity,
            String message) {
    }

    /** Every SR-IOV VF PCI function present, including those with no driver or no interface. */
    public record VfDevice(String address, String vendorId, String deviceId, String model, String driver,
                           String driverState, List<String> interfaces) {
    }

    public record ReadErrorEntry(String source, String subject, String message) {
    }
}
