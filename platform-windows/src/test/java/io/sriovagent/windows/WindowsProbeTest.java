package io.sriovagent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import io.sriovagent.windows.fake.FakeWindows;
import io.sriovagent.windows.fake.NativeCall;
import io.sriovagent.windows.fake.SampleHosts;
import io.sriovagent.windows.jna.SetupApiLibrary;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The probe against {@link SampleHosts} (assembled from the Windows samples). Synthetic: the ghost VF, problem
 * codes, vanishing device, changed MAC, link state, MTU, counter growth and failing calls are added by the tests
 * below to show how each is reported.
 */
class WindowsProbeTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private HostSnapshot probe(FakeWindows host) {
        HostSnapshot snapshot = new WindowsProbe(host.libraries(), InstantSource.fixed(NOW), nanos::get).probe();
        assertNothingLeaked(host);
        return snapshot;
    }

    private static void assertNothingLeaked(FakeWindows host) {
        assertEquals(0, host.openDeviceInfoSets(), "every SetupDiGetClassDevs set is destroyed");
        assertEquals(0, host.openRegistryKeys(), "every registry key is closed");
        assertEquals(0, host.unfreedTables(), "every GetIfTable2 table is freed");
    }

    @Test
    void connectX4LxVfIsPairedWithItsSyntheticAdapterByMac() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();

        HostSnapshot snapshot = probe(host);

        assertEquals(List.of(), snapshot.readErrors());
        assertEquals(NOW, snapshot.takenAt());
        assertEquals(1_000_000_000L, snapshot.monotonicNanos());
        assertEquals(List.of("Ethernet 3"), snapshot.nics().stream().map(SyntheticNic::name).toList(),
                "the NAT switch's vEthernet adapter is not a synthetic NIC");
        SyntheticNic nic = snapshot.nics().get(0);
        assertEquals("00:0d:3a:5c:11:22", nic.mac());
        assertEquals(1500, nic.mtu());
        assertEquals("netvsc", nic.driver());
        assertEquals("up", nic.operState());

        VfInterface vf = nic.vf();
        assertNotNull(vf);
        assertEquals("Ethernet 4", vf.name());
        assertEquals(VfPairing.LOWER_LINK, vf.pairing());
        assertTrue(vf.enslaved());
        assertTrue(vf.up());
        assertEquals("00:0d:3a:5c:11:22", vf.mac());
        assertEquals(new InterfaceCounters(18600, 9210, 15984976, 2766056), vf.ownCounters());

        PciFunction pci = vf.pci();
        assertEquals(SampleHosts.CX4_VF_ID, pci.address());
        assertEquals("15b3", pci.vendorId());
        assertEquals("1016", pci.deviceId());
        assertEquals("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter", pci.model());
        assertEquals(DriverBinding.vfDriver("mlx5"), pci.driver());
        assertEquals(List.of("Ethernet 4"), pci.interfaces());
        assertEquals(List.of(pci), snapshot.vfFunctions());
        assertEquals(List.of(), snapshot.unpairedVfs());

        assertEquals("windows", snapshot.os().os());
        assertEquals("Windows Server 2025 Datacenter", snapshot.os().distro());
        assertEquals("24H2", snapshot.os().distroVersion());
        assertEquals("10.0.26100.0", snapshot.os().kernel());
        assertEquals("os_build", snapshot.os().support().checkId());
        assertEquals(OsSupport.Status.SUPPORTED, snapshot.os().support().status());

        assertEquals(2, host.deviceInfoSetsOpened(), "network adapters and PCI devices");
        verify(host.setupApi, atLeastOnce()).SetupDiGetClassDevs(any(), isNull(), isNull(),
                eq(SetupApiLibrary.DIGCF_PRESENT));
        verify(host.setupApi, atLeastOnce()).SetupDiGetClassDevs(isNull(), eq("PCI"), isNull(),
                eq(SetupApiLibrary.DIGCF_PRESENT | SetupApiLibrary.DIGCF_ALLCLASSES));
    }

    @Test
    void countersSplitTheSyntheticRowIntoVfAndSyntheticPathAndClampAtZero() {
        SyntheticNic nic = probe(SampleHosts.connectX4LxServer2025()).nics().get(0);

        // VF row: in 18500 + 100, out 9200 + 10. Synthetic row: in 21000 + 400, out 9100 + 20 (fewer than the VF's:
        // the rows are sampled apart, so the difference is clamped at 0 rather than going negative).
        assertEquals(new NicCounters(NicCounters.Source.IP_HELPER, 18600, 9210, 15984976, 2766056, 3, 2800, 0),
                nic.counters(), "the filter row's huge counters must not be used");
    }

    @Test
    void connectX3ChildAdapterBelongsToTheMlx4BusPciFunction() {
        HostSnapshot snapshot = probe(SampleHosts.connectX3Server2016());

        assertEquals(List.of(), snapshot.readErrors());
        SyntheticNic nic = snapshot.nics().get(0);
        assertEquals("Ethernet 2", nic.name());
        VfInterface vf = nic.vf();
        assertEquals("Ethernet 4", vf.name());
        assertEquals(VfPairing.LOWER_LINK, vf.pairing());
        PciFunction bus = vf.pci();
        assertEquals(SampleHosts.CX3_BUS_ID, bus.address());
        assertEquals("1004", bus.deviceId());
        assertEquals("Mellanox ConnectX-3 VPI (MT04100) Virtual Network Adapter", bus.model());
        assertEquals(DriverBinding.vfDriver("mlx4_bus"), bus.driver());
        assertEquals(List.of("Ethernet 4"), bus.interfaces());
        assertEquals(List.of(bus), snapshot.vfFunctions());
        assertEquals("10.0.14393.7336", snapshot.os().kernel());
        assertEquals("1607", snapshot.os().distroVersion());
        assertEquals(OsSupport.Status.SUPPORTED, snapshot.os().support().status());
    }

    @Test
    void manaBusCarriesOneAdapterPerVnic() {
        HostSnapshot snapshot = probe(SampleHosts.manaServer2022());

        assertEquals(List.of(), snapshot.readErrors());
        assertEquals(List.of("Ethernet", "Ethernet 4"), snapshot.nics().stream().map(SyntheticNic::name).toList());
        assertEquals("Ethernet 3", snapshot.nic("Ethernet").orElseThrow().vf().name());
        assertEquals("Ethernet 5", snapshot.nic("Ethernet 4").orElseThrow().vf().name());
        assertEquals(1, snapshot.vfFunctions().size(), "one MANA PCI function for both vNICs");
        PciFunction mana = snapshot.vfFunctions().get(0);
        assertEquals(SampleHosts.MANA_BUS_ID, mana.address());
        assertEquals("1414", mana.vendorId());
        assertEquals("00ba", mana.deviceId());
        assertEquals("Microsoft Azure Network Adapter Virtual Bus", mana.model());
        assertEquals(DriverBinding.vfDriver("mana"), mana.driver());
        assertEquals(List.of("Ethernet 3", "Ethernet 5"), mana.interfaces());
        assertEquals(mana, snapshot.nic("Ethernet 4").orElseThrow().vf().pci());

        NicCounters counters = snapshot.nic("Ethernet 4").orElseThrow().counters();
        assertEquals(22_739_256_679L, counters.vfRxPackets(), "sample 03's ReceivedUnicastPackets");
        assertEquals(381_331_993_845L, counters.vfTxPackets(), "sample 03's SentUnicastPackets");
        assertEquals(1_230_513_627_217L, counters.vfRxBytes());
        assertEquals(7, counters.vfTxDropped());
        assertEquals(22_739_310_000L - 22_739_256_679L, counters.syntheticRxPackets());

        OsSupport support = snapshot.os().support();
        assertEquals(OsSupport.Status.SUPPORTED, support.status());
        assertTrue(support.message().contains("MANA"), support.message());
    }

    @Test
    void manaVfOnServer2016IsAnUnsupportedBuild() {
        OsSupport support = probe(SampleHosts.manaServer2016()).os().support();

        assertEquals(OsSupport.Status.UNSUPPORTED, support.status());
        assertEquals("a MANA VF is present but Windows Server 2016 (10.0.14393) has no MANA driver; MANA needs "
                + "Windows Server 2019, Windows Server 2022, Windows Server 2025", support.message());
        assertEquals("10.0.17763", support.minimum());
    }

    @Test
    void ghostVfLeftByAnEarlierDeallocationIsIgnored() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.adapter("PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80\\5&11111111&0&0",
                        "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80")
                .service("mlx5").description("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter")
                .friendlyName("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter #2")
                .netCfgInstanceId("{99999999-9999-4999-8999-999999999999}").notPresent();

        HostSnapshot snapshot = probe(host);

        assertEquals(List.of(SampleHosts.CX4_VF_ID),
                snapshot.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(List.of(), snapshot.readErrors());
    }

    @Test
    void vfWithProblemCode43IsAProblemNamedInTheDetail() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.adapter(SampleHosts.CX4_VF_ID.replace("5&2E1C3C8A", "5&43434343"),
                        "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80")
                .service("mlx5").description("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter")
                .netCfgInstanceId("{43434343-4343-4343-8343-434343434343}").problem(43);

        HostSnapshot snapshot = probe(host);

        PciFunction failed = snapshot.vfFunctions().stream()
                .filter(f -> f.address().contains("43434343")).findFirst().orElseThrow();
        assertEquals(new DriverBinding(DriverBinding.State.PROBLEM, "mlx5",
                "problem code 43: Windows stopped this device because it has reported problems"), failed.driver());
        assertEquals(List.of(), failed.interfaces(), "a stopped adapter has no interface row");
    }

    @Test
    void disabledVfIsAProblemWithCode22() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.adapter(SampleHosts.CX4_VF_ID.replace("5&2E1C3C8A", "5&22222222"),
                        "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80")
                .service("mlx5").description("Mellanox ConnectX-4 Lx Virtual Ethernet Adapter").problem(22);

        PciFunction disabled = probe(host).vfFunctions().stream()
                .filter(f -> f.address().contains("22222222")).findFirst().orElseThrow();

        assertEquals(new DriverBinding(DriverBinding.State.PROBLEM, "mlx5", "problem code 22: This device is disabled"),
                disabled.driver());
    }

    @Test
    void vfWithoutInstalledDriverIsNoDriver() {
        FakeWindows host = new FakeWindows();
        host.pciDevice(SampleHosts.MANA_BUS_ID, "PCI\\VEN_1414&DEV_00BA&SUBSYS_00000000&REV_00").problem(28);

        PciFunction mana = probe(host).vfFunctions().get(0);

        assertEquals(new DriverBinding(DriverBinding.State.NO_DRIVER, null,
                "problem code 28: The drivers for this device are not installed"), mana.driver());
        assertEquals("MANA Virtual Function", mana.model(), "no description without a driver: the ID table names it");
    }

    @Test
    void problemOfAChildAdapterIsTheBusFunctionsProblem() {
        FakeWindows host = new FakeWindows();
        FakeWindows.Device bus = host.pciDevice(SampleHosts.CX3_BUS_ID, "PCI\\VEN_15B3&DEV_1004&SUBSYS_61B015B3")
                .service("mlx4_bus");
        host.childAdapter(bus, SampleHosts.CX3_ADAPTER_ID, "MLX4\\CONNECTX-3_ETH").service("mlx4eth63").problem(43);

        DriverBinding binding = probe(host).vfFunctions().get(0).driver();

        assertEquals(new DriverBinding(DriverBinding.State.PROBLEM, "mlx4_bus", "network adapter "
                + SampleHosts.CX3_ADAPTER_ID + ": problem code 43: Windows stopped this device because it has "
                + "reported problems"), binding);
    }

    @Test
    void manaBusWithoutAdaptersIsAProblem() {
        FakeWindows host = new FakeWindows();
        host.pciDevice(SampleHosts.MANA_BUS_ID, "PCI\\VEN_1414&DEV_00BA&SUBSYS_00000000&REV_00").service("mana")
                .description("Microsoft Azure Network Adapter Virtual Bus");

        DriverBinding binding = probe(host).vfFunctions().get(0).driver();

        assertEquals(new DriverBinding(DriverBinding.State.PROBLEM, "mana",
                "the mana bus device runs but exposes no network adapter"), binding);
    }

    @Test
    void filterRowRepeatingTheMacIsNeitherNicNorVf() {
        HostSnapshot snapshot = probe(SampleHosts.connectX4LxServer2025());

        assertEquals(1, snapshot.nics().size());
        assertEquals("Ethernet 4", snapshot.nics().get(0).vf().name());
        assertEquals(List.of(), snapshot.unpairedVfs());
        assertTrue(snapshot.nics().get(0).counters().syntheticRxPackets() < 999_999);
    }

    @Test
    void trafficThroughTheVfMovesTheVfCounters() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        WindowsProbe probe = new WindowsProbe(host.libraries(), InstantSource.fixed(NOW), nanos::get);
        NicCounters before = probe.probe().nics().get(0).counters();
        host.row("Ethernet 4").received(16_984_976, 19_500, 100).sent(3_766_056, 10_200, 10, 3);
        host.row("Ethernet 3").received(19_331_995, 22_010, 400).sent(3_716_827, 10_105, 20, 0);

        NicCounters after = probe.probe().nics().get(0).counters();

        assertEquals(2000, after.vfPackets() - before.vfPackets());
        assertEquals(10, after.syntheticRxPackets() - before.syntheticRxPackets(),
                "only the synthetic row's extra 10 received packets took the VMBus path");
    }

    @Test
    void trafficOnlyOnTheSyntheticPathLeavesTheVfCountersFlat() {
        FakeWindows host = SampleHosts.connectX3Server2016();
        WindowsProbe probe = new WindowsProbe(host.libraries(), InstantSource.fixed(NOW), nanos::get);
        NicCounters before = probe.probe().nics().get(0).counters();
        host.row("Ethernet 2").received(9_100_000, 71_000, 500).sent(4_100_000, 31_000, 10, 0);

        NicCounters after = probe.probe().nics().get(0).counters();

        assertEquals(0, after.vfPackets() - before.vfPackets());
        assertEquals(2000, after.syntheticPackets() - before.syntheticPackets());
    }

    @Test
    void vfWithAnotherMacIsUnpaired() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.row("Ethernet 4").mac("00-0D-3A-00-00-99");

        HostSnapshot snapshot = probe(host);

        assertNull(snapshot.nics().get(0).vf());
        assertEquals(0, snapshot.nics().get(0).counters().vfPackets());
        assertEquals(21400 + 9120, snapshot.nics().get(0).counters().syntheticPackets());
        VfInterface unpaired = snapshot.unpairedVfs().get(0);
        assertEquals("Ethernet 4", unpaired.name());
        assertEquals(VfPairing.NONE, unpaired.pairing());
        assertFalse(unpaired.enslaved());
        assertEquals(SampleHosts.CX4_VF_ID, unpaired.pci().address());
    }

    @Test
    void vfLinkDownAndMtuAreTheVfRowsOwn() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.row("Ethernet 4").operStatus(7).mtu(9000);

        VfInterface vf = probe(host).nics().get(0).vf();

        assertEquals("lowerlayerdown", vf.operState());
        assertFalse(vf.up());
        assertEquals(9000, vf.mtu());
    }

    @Test
    void vfLeavingDuringTheReadIsAbsentNotAnError() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.adapter(SampleHosts.CX4_VF_ID.replace("5&2E1C3C8A", "5&0000AAAA"),
                "PCI\\VEN_15B3&DEV_1016&SUBSYS_00000000&REV_80").service("mlx5").vanishesDuringRead();

        HostSnapshot snapshot = probe(host);

        assertEquals(1, snapshot.vfFunctions().size());
        assertEquals(List.of(), snapshot.readErrors());
    }

    @Test
    void syntheticAdapterWithoutInterfaceRowIsListedAndReported() {
        FakeWindows host = SampleHosts.connectX3Server2016();
        host.row("Ethernet 2").filter();

        HostSnapshot snapshot = probe(host);

        SyntheticNic nic = snapshot.nics().get(0);
        assertEquals("Microsoft Hyper-V Network Adapter", nic.name(), "named by the device when no row names it");
        assertNull(nic.vf());
        assertNull(nic.counters());
        assertEquals(List.of(new ReadError("iphlpapi", "Microsoft Hyper-V Network Adapter",
                "no interface row for NetCfgInstanceId {aa11bb22-cc33-4d44-8e55-ff6600770001}")),
                snapshot.readErrors());
        assertEquals(List.of("Ethernet 4"), snapshot.unpairedVfs().stream().map(VfInterface::name).toList());
    }

    @Test
    void theManaHostExercisesEveryNativeCall() {
        FakeWindows host = SampleHosts.manaServer2022();

        probe(host);

        verify(host.setupApi, atLeastOnce()).SetupDiGetClassDevs(any(), any(), any(), anyInt());
        verify(host.setupApi, atLeastOnce()).SetupDiEnumDeviceInfo(any(), anyInt(), any());
        verify(host.setupApi, atLeastOnce()).SetupDiGetDeviceRegistryProperty(any(), any(), anyInt(), any(), any(),
                anyInt(), any());
        verify(host.setupApi, atLeastOnce()).SetupDiOpenDevRegKey(any(), any(), anyInt(), anyInt(), anyInt(),
                anyInt());
        verify(host.registry, atLeastOnce()).RegQueryValueEx(any(), any(), any(), any(), any(), any());
        verify(host.registry, atLeastOnce()).RegOpenKeyEx(any(), any(), anyInt(), anyInt(), any());
        verify(host.cfgMgr32, atLeastOnce()).CM_Get_Device_ID(anyInt(), any(), anyInt(), anyInt());
        verify(host.cfgMgr32, atLeastOnce()).CM_Get_DevNode_Status(any(), any(), anyInt(), anyInt());
        verify(host.cfgMgr32, atLeastOnce()).CM_Get_Child(any(), anyInt(), anyInt());
        verify(host.cfgMgr32, atLeastOnce()).CM_Get_Sibling(any(), anyInt(), anyInt());
        verify(host.ipHelper, atLeastOnce()).GetIfTable2(any());
        verify(host.ntDll, atLeastOnce()).RtlGetVersion(any());
        assertEquals(NativeCall.values().length, 12, "every call of NativeCall is verified above");
    }

    @ParameterizedTest
    @EnumSource(NativeCall.class)
    void everyFailingNativeCallIsARecordedReadErrorNeverACrash(NativeCall call) {
        FakeWindows host = SampleHosts.manaServer2022();
        host.fail(call);

        HostSnapshot snapshot = probe(host);

        assertTrue(snapshot.readErrors().stream().anyMatch(error -> error.source().equals(call.source())),
                call + " must be recorded under " + call.source() + ": " + snapshot.readErrors());
        assertTrue(snapshot.readErrors().stream().noneMatch(error -> error.message().startsWith("unexpected failure")),
                call + " must be handled by its reader, not caught as a crash: " + snapshot.readErrors());
        assertEquals("windows", snapshot.os().os());
    }

    @Test
    void oneDeviceThatThrowsCostsOnlyItsOwnEntry() {
        HostSnapshot snapshot = probe(SampleHosts.manaServer2022WithOneBrokenAdapter());

        assertEquals(1, snapshot.nics().size(), "the second Hyper-V adapter is still read: " + snapshot.nics());
        assertEquals(1, snapshot.vfFunctions().size());
        assertTrue(snapshot.readErrors().stream().anyMatch(error -> error.source().equals("setupapi")
                && error.message().startsWith("unexpected failure: java.lang.IllegalStateException")),
                snapshot.readErrors().toString());
    }

    @Test
    void failedInterfaceTableKeepsTheDevicesButNoCounters() {
        FakeWindows host = SampleHosts.manaServer2022();
        host.fail(NativeCall.GET_IF_TABLE2);

        HostSnapshot snapshot = probe(host);

        assertEquals(List.of(new ReadError("iphlpapi", "interface table",
                "GetIfTable2 failed: not enough memory (Win32 error 8)")), snapshot.readErrors());
        assertEquals(2, snapshot.nics().size());
        assertTrue(snapshot.nics().stream().allMatch(nic -> nic.counters() == null && nic.vf() == null));
        assertEquals(DriverBinding.vfDriver("mana"), snapshot.vfFunctions().get(0).driver());
        verify(host.ipHelper, never()).FreeMibTable(any());
    }

    @Test
    void failedDeviceStatusMakesTheBindingUnreadable() {
        FakeWindows host = SampleHosts.connectX4LxServer2025();
        host.fail(NativeCall.CM_GET_DEVNODE_STATUS);

        HostSnapshot snapshot = probe(host);

        assertEquals(DriverBinding.State.UNREADABLE, snapshot.vfFunctions().get(0).driver().state());
        assertTrue(snapshot.readErrors().contains(new ReadError("cfgmgr32", SampleHosts.CX4_VF_ID,
                "CM_Get_DevNode_Status failed: CR_FAILURE (0x13)")), snapshot.readErrors().toString());
    }

    @Test
    void failedChildWalkMakesTheBusBindingUnreadable() {
        FakeWindows host = SampleHosts.manaServer2022();
        host.fail(NativeCall.CM_GET_SIBLING);

        HostSnapshot snapshot = probe(host);

        assertEquals(DriverBinding.State.UNREADABLE, snapshot.vfFunctions().get(0).driver().state());
        assertTrue(snapshot.readErrors().contains(new ReadError("cfgmgr32", SampleHosts.MANA_BUS_ID,
                "CM_Get_Sibling failed: CR_FAILURE (0x13)")), snapshot.readErrors().toString());
    }

    @Test
    void failedVersionReadLeavesTheBuildUnknown() {
        FakeWindows host = SampleHosts.manaServer2022();
        host.fail(NativeCall.RTL_GET_VERSION);

        HostSnapshot snapshot = probe(host);

        assertNull(snapshot.os().kernel());
        assertEquals(OsSupport.Status.UNKNOWN, snapshot.os().support().status());
        assertEquals(List.of(new ReadError("os", "RtlGetVersion", "RtlGetVersion failed: NTSTATUS 0xC0000001")),
                snapshot.readErrors());
    }

    @Test
    void failedRevisionReadStillJudgesTheBuild() {
        FakeWindows host = SampleHosts.manaServer2022();
        host.fail(NativeCall.REG_OPEN_KEY_EX);

        HostSnapshot snapshot = probe(host);

        assertEquals("10.0.20348", snapshot.os().kernel());
        assertNull(snapshot.os().distro());
        assertEquals(OsSupport.Status.SUPPORTED, snapshot.os().support().status());
    }

    @Test
    void versionIsReadOnceAndKeptWhenComplete() {
        FakeWindows host = SampleHosts.manaServer2022();
        WindowsProbe probe = new WindowsProbe(host.libraries(), InstantSource.fixed(NOW), nanos::get);

        probe.probe();
        probe.probe();

        verify(host.ntDll, org.mockito.Mockito.times(1)).RtlGetVersion(any());
    }

    @Test
    void unexpectedExceptionFromALibraryCostsOnlyItsPart() {
        FakeWindows host = SampleHosts.manaServer2022();
        doThrow(new UnsatisfiedLinkError("Error looking up function 'GetIfTable2'"))
                .when(host.ipHelper).GetIfTable2(any());

        HostSnapshot snapshot = probe(host);

        assertEquals(List.of(new ReadError("iphlpapi", "interface table",
                "unexpected failure: java.lang.UnsatisfiedLinkError: Error looking up function 'GetIfTable2'")),
                snapshot.readErrors());
        assertEquals(1, snapshot.vfFunctions().size());
    }

    @Test
    void readErrorsAreLeftToTheCallerToLog() {
        Logger logger = Logger.getLogger(WindowsProbe.class.getName());
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            FakeWindows host = SampleHosts.connectX4LxServer2025();
            host.fail(NativeCall.GET_IF_TABLE2);
            WindowsProbe probe = new WindowsProbe(host.libraries(), InstantSource.fixed(NOW), nanos::get);

            probe.probe();
            probe.probe();
            probe.probe();

            // the daemon logs each read error once when it appears; check lists them in its report
            assertEquals(List.of(), logged);
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
            logger.setLevel(previous);
        }
    }
}
