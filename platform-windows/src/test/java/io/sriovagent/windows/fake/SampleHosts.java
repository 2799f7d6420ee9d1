package io.sriovagent.windows.fake;

/**
 * Assembled from shared/samples/windows/ 01-mana-doc-get-netadapter-same-mac.txt,
 * 02-mana-doc-get-pnpdevice-virtual-bus.txt, 03-mana-doc-get-netadapterstatistics.txt,
 * 04-mana-doc-older-version-get-netadapter.txt, 06-real-ws2025-ghactions-get-netadapter-includehidden.txt,
 * 07-real-ws2025-ghactions-netadapterstatistics-and-perfcounter.txt,
 * 08-real-azure-ds4v3-systeminfo-connectx3-vf-no-ip.txt and 09-real-azure-ws2016-mlx4_bus-event-log.txt.
 *
 * <p>Not captured as a whole: the samples show adapter names, descriptions, MACs, builds and some counters
 * (named on each host below); they do not show device instance IDs, hardware-ID lists beyond the vendor/device
 * pair, driver service names of the VF drivers, NetCfgInstanceId GUIDs, packet counts, or filter rows. Those
 * values are invented in the documented formats and said to be invented on each host.
 */
public final class SampleHosts {

    /** Hardware ID of the Hyper-V synthetic network adapter (FACTS.md, Windows). */
    public static final String VMBUS_NETWORK = "VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}";

    public static final String CX4_VF_ID = "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80\\5&2E1C3C8A&0&0";
    public static final String CX3_BUS_ID = "PCI\\VEN_15B3&DEV_1004&SUBSYS_61B015B3&REV_00\\5&37BDD0A4&0&0";
    public static final String CX3_ADAPTER_ID = "MLX4\\CONNECTX-3_ETH&SRIOV\\6&1A2B3C4D&0&0";
    public static final String MANA_BUS_ID = "PCI\\VEN_1414&DEV_00BA&SUBSYS_00000000&REV_00\\5&1F0E0A11&0&0";
    public static final String MANA_ADAPTER_1_ID = "MANA\\VPORT&0\\6&2D4E6F80&0&0";
    public static final String MANA_ADAPTER_2_ID = "MANA\\VPORT&1\\6&2D4E6F80&0&1";

    private SampleHosts() {
    }

    /**
     * Windows Server 2025 GitHub-hosted runner with a ConnectX-4 Lx VF (samples 06 and 07): "Ethernet 3"
     * (Microsoft Hyper-V Network Adapter #3) and "Ethernet 4" (Mellanox ConnectX-4 Lx Virtual Ethernet
     * Adapter), plus the runner's own Hyper-V NAT switch adapter "vEthernet (nat)". Byte counters are the
     * second reading of sample 07 (note the VF's SentBytes exceed the synthetic row's); packet counts, MACs,
     * GUIDs, instance IDs and the mlx5 service name are invented. A WFP filter row repeating the synthetic
     * MAC is added (invented).
     */
    public static FakeWindows connectX4LxServer2025() {
        FakeWindows host = new FakeWindows();
        host.version(10, 0, 26100, 0, "Windows Server 2025 Datacenter", "24H2", false);
        host.adapter("VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}\\{6C0A25B5-76D4-4B4E-9B8E-2C3A8A4E0E01}",
                        VMBUS_NETWORK)
                .service("netvsc").description("Microsoft Hyper-V Network Adapter")
                .friendlyName("Microsoft Hyper-V Network Adapter #3")
                .netCfgInstanceId("{8A1E4C52-3F0B-4D7E-9C21-5B6A7D8E9F01}");
        host.adapter(CX4_VF_ID, "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80",
                        "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000", "PCI\\VEN_15B3&DEV_1016&CC_020000",
                        "PCI\\VEN_15B3&DEV_1016&CC_0200")
                .service("mlx5").description("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter")
                .friendlyName("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter")
                .netCfgInstanceId("{3D2C1B0A-9F8E-4D7C-8B6A-5F4E3D2C1B02}");
        host.adapter("ROOT\\VMS_MP\\0000", "vms_mp")
                .service("VMSMP").description("Hyper-V Virtual Ethernet Adapter")
                .friendlyName("Hyper-V Virtual Ethernet Adapter")
                .netCfgInstanceId("{0B1C2D3E-4F50-4617-8293-A4B5C6D7E803}");
        host.row("{8A1E4C52-3F0B-4D7E-9C21-5B6A7D8E9F01}", "Ethernet 3")
                .description("Microsoft Hyper-V Network Adapter #3").mac("00-0D-3A-5C-11-22")
                .received(18331995, 21000, 400).sent(2716827, 9100, 20, 0);
        host.row("{5E6F7A8B-9C0D-4E1F-A2B3-C4D5E6F7A804}", "Ethernet 3-WFP Native MAC Layer LightWeight Filter-0000")
                .description("Microsoft Hyper-V Network Adapter #3").mac("00-0D-3A-5C-11-22").filter()
                .received(999_999_999, 999_999, 0).sent(999_999_999, 999_999, 0, 0);
        host.row("{3D2C1B0A-9F8E-4D7C-8B6A-5F4E3D2C1B02}", "Ethernet 4")
                .description("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter").mac("00-0D-3A-5C-11-22")
                .received(15984976, 18500, 100).sent(2766056, 9200, 10, 3);
        host.row("{0B1C2D3E-4F50-4617-8293-A4B5C6D7E803}", "vEthernet (nat)")
                .description("Hyper-V Virtual Ethernet Adapter").mac("00-15-5D-01-02-03")
                .received(0, 0, 0).sent(3636, 40, 0, 0);
        return host;
    }

    /**
     * Windows Server 2016 Datacenter DS2 v2 with a ConnectX-3 VF (samples 08 and 09): the PCI VF is the
     * "Mellanox ConnectX-3 VPI (MT04100) Virtual Network Adapter" run by {@code mlx4_bus} (sample 09's event
     * source), and its child "Mellanox ConnectX-3 Virtual Function Ethernet Adapter" is "Ethernet 4" next to
     * the synthetic "Ethernet 2" (sample 08). Build revision, MACs, GUIDs, IDs, the child's service name and all
     * counters are invented.
     */
    public static FakeWindows connectX3Server2016() {
        FakeWindows host = new FakeWindows();
        host.version(10, 0, 14393, 7336, "Windows Server 2016 Datacenter", "1607", false);
        host.adapter("VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}\\{1E2D3C4B-5A69-4788-97A6-B5C4D3E2F101}",
                        VMBUS_NETWORK)
                .service("netvsc").description("Microsoft Hyper-V Network Adapter")
                .friendlyName("Microsoft Hyper-V Network Adapter")
                .netCfgInstanceId("{AA11BB22-CC33-4D44-8E55-FF6600770001}");
        FakeWindows.Device bus = host.pciDevice(CX3_BUS_ID, "PCI\\VEN_15B3&DEV_1004&SUBSYS_61B015B3&REV_00",
                        "PCI\\VEN_15B3&DEV_1004&SUBSYS_61B015B3", "PCI\\VEN_15B3&DEV_1004&CC_020000")
                .service("mlx4_bus").description("Mellanox ConnectX-3 VPI (MT04100) Virtual Network Adapter");
        host.childAdapter(bus, CX3_ADAPTER_ID, "MLX4\\CONNECTX-3_ETH")
                .service("mlx4eth63").description("Mellanox ConnectX-3 Virtual Function Ethernet Adapter")
                .friendlyName("Mellanox ConnectX-3 Virtual Function Ethernet Adapter")
                .netCfgInstanceId("{AA11BB22-CC33-4D44-8E55-FF6600770002}");
        host.row("{AA11BB22-CC33-4D44-8E55-FF6600770001}", "Ethernet 2")
                .description("Microsoft Hyper-V Network Adapter").mac("00-0D-3A-F4-A0-01")
                .received(9_000_000, 70_000, 500).sent(4_000_000, 30_000, 10, 0);
        host.row("{AA11BB22-CC33-4D44-8E55-FF6600770002}", "Ethernet 4")
                .description("Mellanox ConnectX-3 Virtual Function Ethernet Adapter").mac("00-0D-3A-F4-A0-01")
                .received(8_500_000, 68_000, 0).sent(3_900_000, 29_500, 0, 0);
        return host;
    }

    /**
     * Windows Server 2022 on MANA hardware with two vNICs (samples 01 to 04): the PCI function
     * {@code PCI\VEN_1414&DEV_00BA} is the "Microsoft Azure Network Adapter Virtual Bus" (sample 02) with one
     * "Microsoft Azure Network Adapter" per vNIC. vNIC 1 is sample 01 ("Ethernet" + "Ethernet 3", one MAC);
     * vNIC 2 takes sample 04's names ("Ethernet 4" Hyper-V #2 + "Ethernet 5" Azure #3; its MAC is invented,
     * sample 04's are placeholders) and sample 03's counters for "Ethernet 5" (SentBytes is truncated in the
     * sample; its visible digits are used). Build revision, IDs, GUIDs, service names, the other counters and
     * the synthetic rows' counters are invented.
     */
    public static FakeWindows manaServer2022() {
        FakeWindows host = new FakeWindows();
        host.version(10, 0, 20348, 2655, "Windows Server 2022 Datacenter", "21H2", false);
        manaDevicesAndRows(host);
        return host;
    }

    /** The MANA host on Windows Server 2016, which has no MANA driver support (invented combination). */
    public static FakeWindows manaServer2016() {
        FakeWindows host = new FakeWindows();
        host.version(10, 0, 14393, 7336, "Windows Server 2016 Datacenter", "1607", false);
        manaDevicesAndRows(host);
        return host;
    }

    private static void manaDevicesAndRows(FakeWindows host) {
        manaDevicesAndRows(host, false);
    }

    /** The MANA host whose first Hyper-V adapter throws when read (synthetic: a JNA surprise on one device). */
    public static FakeWindows manaServer2022WithOneBrokenAdapter() {
        FakeWindows host = new FakeWindows();
        host.version(10, 0, 20348, 2655, "Windows Server 2022 Datacenter", "21H2", false);
        manaDevicesAndRows(host, true);
        return host;
    }

    private static void manaDevicesAndRows(FakeWindows host, boolean firstAdapterThrows) {
        FakeWindows.Device first = host.adapter("VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}\\{0F1E2D3C-4B5A-4697-8877-665544332201}",
                        VMBUS_NETWORK)
                .service("netvsc").description("Microsoft Hyper-V Network Adapter")
                .friendlyName("Microsoft Hyper-V Network Adapter")
                .netCfgInstanceId("{C0C0C0C0-0001-4000-8000-000000000001}");
        if (firstAdapterThrows) {
            first.throwsWhenRead();
        }
        host.adapter("VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}\\{0F1E2D3C-4B5A-4697-8877-665544332202}",
                        VMBUS_NETWORK)
                .service("netvsc").description("Microsoft Hyper-V Network Adapter")
                .friendlyName("Microsoft Hyper-V Network Adapter #2")
                .netCfgInstanceId("{C0C0C0C0-0002-4000-8000-000000000002}");
        FakeWindows.Device bus = host.pciDevice(MANA_BUS_ID, "PCI\\VEN_1414&DEV_00BA&SUBSYS_00000000&REV_00",
                        "PCI\\VEN_1414&DEV_00BA&SUBSYS_00000000", "PCI\\VEN_1414&DEV_00BA&CC_020000")
                .service("mana").description("Microsoft Azure Network Adapter Virtual Bus");
        host.childAdapter(bus, MANA_ADAPTER_1_ID, "MANA\\VPORT")
                .service("manaport").description("Microsoft Azure Network Adapter")
                .friendlyName("Microsoft Azure Network Adapter #2")
                .netCfgInstanceId("{C0C0C0C0-0003-4000-8000-000000000003}");
        host.childAdapter(bus, MANA_ADAPTER_2_ID, "MANA\\VPORT")
                .service("manaport").description("Microsoft Azure Network Adapter")
                .friendlyName("Microsoft Azure Network Adapter #3")
                .netCfgInstanceId("{C0C0C0C0-0004-4000-8000-000000000004}");
        host.row("{C0C0C0C0-0001-4000-8000-000000000001}", "Ethernet")
                .description("Microsoft Hyper-V Network Adapter").mac("00-0D-3A-AA-00-AA")
                .received(52_000_000, 400_000, 3_000).sent(41_000_000, 350_000, 100, 0);
        host.row("{C0C0C0C0-0003-4000-8000-000000000003}", "Ethernet 3")
                .description("Microsoft Azure Network Adapter #2").mac("00-0D-3A-AA-00-AA")
                .received(50_000_000, 395_000, 0).sent(40_500_000, 349_000, 0, 0);
        host.row("{C0C0C0C0-0002-4000-8000-000000000002}", "Ethernet 4")
                .description("Microsoft Hyper-V Network Adapter #2").mac("00-0D-3A-AA-00-BB")
                .received(1_230_600_000_000L, 22_739_300_000L, 10_000).sent(724_600_000_000L, 381_332_000_000L,
                        500, 0);
        host.row("{C0C0C0C0-0004-4000-8000-000000000004}", "Ethernet 5")
                .description("Microsoft Azure Network Adapter #3").mac("00-0D-3A-AA-00-BB")
                .received(1_230_513_627_217L, 22_739_256_679L, 0).sent(724_576_506_362L, 381_331_993_845L, 0, 7);
    }
}
