package io.sriovagent.windows.jna;

/**
 * The Win32 error code ({@code GetLastError}) of the calling thread's most recent native call. JNA preserves it
 * across its own work ({@link com.sun.jna.Native#getLastError()}); tests supply it from their mocks.
 */
@FunctionalInterface
public interface LastError {

    int get();
}
