package io.sriovagent.linux.pci;

import java.util.Map;
import java.util.Optional;

/**
 * Names and drivers of the SR-IOV virtual functions Azure passes to guests, for when lspci cannot name them.
 *
 * <p>Identification never depends on this list (vendor and PCI class decide what a VF is); it only gives
 * models a name and missing drivers a suggestion. Names are the bracketed part of the pci.ids device names
 * (pci.ids 2026.08.22: {@code 1016 MT27710 Family [ConnectX-4 Lx Virtual Function]}), so they match what
 * {@link #modelFromLspciName} makes of lspci's output. MANA's {@code 1414:00ba} is not in pci.ids at all.
 */
public final class VfModels {

    /** A VF model's name and the driver that binds it. */
    public record VfModel(String name, String driver) {
    }

    private static final Map<String, VfModel> MODELS = Map.of(
            "15b3:1004", new VfModel("ConnectX-3/ConnectX-3 Pro Virtual Function", "mlx4_core"),
            "15b3:1014", new VfModel("ConnectX-4 Virtual Function", "mlx5_core"),
            "15b3:1016", new VfModel("ConnectX-4 Lx Virtual Function", "mlx5_core"),
            "15b3:1018", new VfModel("ConnectX-5 Virtual Function", "mlx5_core"),
            "15b3:101a", new VfModel("ConnectX-5 Ex Virtual Function", "mlx5_core"),
            "15b3:101c", new VfModel("ConnectX-6 Virtual Function", "mlx5_core"),
            "15b3:101e", new VfModel("ConnectX Family mlx5Gen Virtual Function", "mlx5_core"),
            "1414:00ba", new VfModel("MANA Virtual Function", "mana"));

    private VfModels() {
    }

    public static Optional<VfModel> lookup(String vendorId, String deviceId) {
        return Optional.ofNullable(MODELS.get(vendorId + ":" + deviceId));
    }

    /**
     * The model part of an lspci device name: {@code MT27710 Family [ConnectX-4 Lx Virtual Function]} gives
     * {@code ConnectX-4 Lx Virtual Function}; a name without brackets is kept whole. lspci calls a device it
     * cannot name just {@code Device} ({@code Device 00ba}): that is no name, so empty.
     */
    public static Optional<String> modelFromLspciName(String lspciName) {
        if (lspciName == null) {
            return Optional.empty();
        }
        String name = lspciName.strip();
        if (name.isEmpty() || name.equals("Device") || name.matches("Device [0-9a-fA-F]{4}")) {
            return Optional.empty();
        }
        int open = name.lastIndexOf('[');
        if (name.endsWith("]") && open >= 0 && open < name.length() - 2) {
            return Optional.of(name.substring(open + 1, name.length() - 1).strip());
        }
        return Optional.of(name);
    }
}
