package io.sriovagent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.probe.PlatformProbeProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WindowsProbeProviderTest {

    @Test
    void isFoundByTheServiceLoader() {
        List<PlatformProbeProvider> providers = ServiceLoader.load(PlatformProbeProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.platform().equals("windows"))
                .toList();

        assertEquals(1, providers.size());
        assertTrue(providers.get(0) instanceof WindowsProbeProvider);
    }

    @Test
    void supportsWindowsOnly() {
        assertTrue(WindowsProbeProvider.isWindows("Windows Server 2022"));
        assertTrue(WindowsProbeProvider.isWindows("Windows Server 2012 R2"));
        assertTrue(WindowsProbeProvider.isWindows("Windows 11"));
        assertFalse(WindowsProbeProvider.isWindows("Linux"));
        assertFalse(WindowsProbeProvider.isWindows("Mac OS X"));
        assertEquals(System.getProperty("os.name").startsWith("Windows"), new WindowsProbeProvider().supportsCurrentOs());
    }
}
