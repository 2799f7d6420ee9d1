package io.sriovagent.linux.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VfModelsTest {

    @Test
    void modelIsTheBracketedPartOfLspciNames() {
        assertEquals(Optional.of("ConnectX-4 Lx Virtual Function"),
                VfModels.modelFromLspciName("MT27710 Family [ConnectX-4 Lx Virtual Function]"));
        assertEquals(Optional.of("ConnectX-3/ConnectX-3 Pro Virtual Function"),
                VfModels.modelFromLspciName("MT27500/MT27520 Family [ConnectX-3/ConnectX-3 Pro Virtual Function]"));
        assertEquals(Optional.of("ConnectX Family mlx5Gen Virtual Function"),
                VfModels.modelFromLspciName("ConnectX Family mlx5Gen Virtual Function"));
    }

    @Test
    void lspciPlaceholderIsNoName() {
        assertEquals(Optional.empty(), VfModels.modelFromLspciName("Device"));
        assertEquals(Optional.empty(), VfModels.modelFromLspciName("Device 00ba"));
        assertEquals(Optional.empty(), VfModels.modelFromLspciName(" "));
        assertEquals(Optional.empty(), VfModels.modelFromLspciName(null));
    }

    @Test
    void builtInTableNamesTheAzureVfsLikeLspciWould() {
        assertEquals("ConnectX-5 Virtual Function", VfModels.lookup("15b3", "1018").orElseThrow().name());
        assertEquals("mlx4_core", VfModels.lookup("15b3", "1004").orElseThrow().driver());
        assertEquals("MANA Virtual Function", VfModels.lookup("1414", "00ba").orElseThrow().name());
        assertEquals("mana", VfModels.lookup("1414", "00ba").orElseThrow().driver());
        assertEquals(Optional.empty(), VfModels.lookup("15b3", "1017"), "a physical function is no VF model");
    }
}
