package io.sriovagent.probe;

/**
 * Service-provider entry point of a platform module, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.sriovagent.probe.PlatformProbeProvider}).
 */
public interface PlatformProbeProvider {

    /** Short platform name: {@code linux}, {@code windows}. */
    String platform();

    /** True when this provider can probe the operating system the agent runs on. */
    boolean supportsCurrentOs();

    PlatformProbe create(ProbeSettings settings);
}
