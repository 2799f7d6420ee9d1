package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.exec.CommandRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the recorded ioctl replies under {@code src/test/resources/ethtool} from this machine's kernel.
 * Runs only when asked:
 * {@code mvn -o test -pl platform-linux -am -Dtest=RecordIoctlReplies -Dsurefire.failIfNoSpecifiedTests=false
 * -Dethtool.record=platform-linux/src/test/resources/ethtool}
 */
@EnabledIfSystemProperty(named = "ethtool.record", matches = ".+")
class RecordIoctlReplies {

    private static final String REGENERATE = "regenerate: RecordIoctlReplies (see its comment)";

    @Test
    void recordEth0AndLoopback() throws IOException {
        assertEquals(ByteOrder.LITTLE_ENDIAN, ByteOrder.nativeOrder(), "the recorded files are little-endian");
        Path dir = Path.of(System.getProperty("ethtool.record"));
        String machine = "recorded on a virtio test VM, not Azure: Linux "
                + Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip() + ", " + System.getProperty("os.arch")
                + ", little-endian";
        String driver = Files.readSymbolicLink(Path.of("/sys/class/net/eth0/device/driver")).getFileName().toString();

        try (RecordingChannel channel = new RecordingChannel(new LibcEthtoolChannel(LinuxLibc::load))) {
            IoctlStatisticsSource source = new IoctlStatisticsSource(channel, ByteOrder.nativeOrder());
            NicStatistics eth0 = source.read("eth0");
            assertEquals(NicStatistics.Outcome.READ, eth0.outcome(), eth0.detail());
            CommandResult printed = new CommandRunner(Duration.ofSeconds(10)).run(List.of("ethtool", "-S", "eth0"));
            assertEquals(0, printed.exitCode(), printed.describeFailure());
            String about = machine + "\neth0, driver " + driver;
            save(dir, "virtio-eth0-gsset-info.hex", about + "\nETHTOOL_GSSET_INFO reply for ETH_SS_STATS: cmd,"
                    + " reserved, u64 sset_mask, u32 count", channel.replies.get(0), 20);
            int count = EthtoolIoctlCodec.statisticNamesCount(channel.replies.get(1));
            save(dir, "virtio-eth0-gstrings.hex", about + "\nETHTOOL_GSTRINGS reply: cmd, string_set, len, then len"
                    + " NUL-padded 32-byte names", channel.replies.get(1), 12 + count * 32);
            save(dir, "virtio-eth0-gstats.hex", about + "\nETHTOOL_GSTATS reply: cmd, n_stats, then n_stats u64"
                    + " values", channel.replies.get(2), 8 + count * 8);
            Files.writeString(dir.resolve("virtio-eth0-ethtool-S.txt"), "# " + about.replace("\n", "\n# ")
                    + "\n# ethtool -S eth0, run right after the ioctl replies above were recorded\n# " + REGENERATE
                    + "\n" + printed.stdout());

            ByteBuffer driverInfo = EthtoolIoctlCodec.driverInfoRequest(ByteOrder.nativeOrder());
            channel.exchange("eth0", driverInfo);
            save(dir, "virtio-eth0-gdrvinfo.hex", about + "\nETHTOOL_GDRVINFO reply: struct ethtool_drvinfo"
                    + " (n_stats at offset 180)", driverInfo, 196);

            channel.replies.clear();
            NicStatistics loopback = source.read("lo");
            assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, loopback.outcome(), loopback.detail());
            save(dir, "lo-gsset-info.hex", machine + "\nlo (loopback, no driver statistics)\nETHTOOL_GSSET_INFO"
                    + " reply for ETH_SS_STATS: the kernel cleared the bit in sset_mask", channel.replies.get(0), 20);
        } catch (EthtoolChannel.ErrnoException | EthtoolChannel.IoctlUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    private static void save(Path dir, String name, String comment, ByteBuffer reply, int length) throws IOException {
        Files.writeString(dir.resolve(name), HexBuffers.format(comment + "\n" + REGENERATE, reply.array(), length));
    }

    /** Passes exchanges through and keeps a copy of every reply. */
    private static final class RecordingChannel implements EthtoolChannel {
        private final EthtoolChannel real;
        final List<ByteBuffer> replies = new ArrayList<>();

        RecordingChannel(EthtoolChannel real) {
            this.real = real;
        }

        @Override
        public void exchange(String interfaceName, ByteBuffer command) throws ErrnoException, IoctlUnavailableException {
            real.exchange(interfaceName, command);
            replies.add(ByteBuffer.wrap(command.array().clone()).order(command.order()));
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
