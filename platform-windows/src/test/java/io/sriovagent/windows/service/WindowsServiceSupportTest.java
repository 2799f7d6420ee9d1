package io.sriovagent.windows.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.sriovagent.service.OsServiceSupport;
import io.sriovagent.service.ServiceDefinition;
import io.sriovagent.service.ServiceException;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WindowsServiceSupportTest {

    @Test
    void isFoundByTheServiceLoaderWithoutLoadingNativeCode() {
        List<OsServiceSupport> supports = ServiceLoader.load(OsServiceSupport.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertEquals(List.of(WindowsServiceSupport.class), supports.stream().map(Object::getClass).toList());
        assertEquals(System.getProperty("os.name").startsWith("Windows"), supports.get(0).supportsCurrentOs());
    }

    @Test
    void refusesToTouchTheScmOffWindows() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"));
        WindowsServiceSupport support = new WindowsServiceSupport();

        ServiceException e = assertThrows(ServiceException.class, () -> support.install(
                new ServiceDefinition("sriov-agent", "d", "d", List.of("java"))));

        assertEquals("Windows services are only available on Windows", e.getMessage());
        assertThrows(ServiceException.class, () -> support.uninstall("sriov-agent"));
    }
}
