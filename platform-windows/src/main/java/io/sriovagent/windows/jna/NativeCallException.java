package io.sriovagent.windows.jna;

/**
 * A native call that failed, with the call's name and its decoded error code. Thrown inside the readers and
 * turned into a {@link io.sriovagent.host.ReadError} (or, for service calls, a
 * {@link io.sriovagent.service.ServiceException}) at their boundary: it never leaves the probe.
 */
public final class NativeCallException extends Exception {

    public NativeCallException(String call, String error) {
        super(call + " failed: " + error);
    }
}
