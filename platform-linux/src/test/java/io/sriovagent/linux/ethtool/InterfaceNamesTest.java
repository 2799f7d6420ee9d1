package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"eth0", "enP31819s1", "enP53091s1np0", "rename6", "vf_eth0", "abcdefghijklmno", "-dash"})
    void namesTheKernelAccepts(String name) {
        assertNull(InterfaceNames.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "abcdefghijklmnop", "eth0:1", "a/b", "eth 0", "eth\t0", "eth\u00000"})
    void namesTheKernelRefuses(String name) {
        assertNotNull(InterfaceNames.problem(name));
    }
}
