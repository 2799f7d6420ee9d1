package io.sriovagent.linux.ethtool;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Builds the SIOCETHTOOL command structures and decodes the kernel's replies ({@code include/uapi/linux/ethtool.h}).
 *
 * <p>Pure: byte buffers in, values out, no native memory. Requests are built in the byte order the caller gives
 * (the native one in production, a fixed one in tests); replies are decoded in the order of the buffer handed
 * in. Every offset is absolute, so buffer positions do not matter.
 */
final class EthtoolIoctlCodec {

    static final long SIOCETHTOOL = 0x8946;
    static final int ETHTOOL_GDRVINFO = 0x03;
    static final int ETHTOOL_GSTRINGS = 0x1b;
    static final int ETHTOOL_GSTATS = 0x1d;
    static final int ETHTOOL_GSSET_INFO = 0x37;
    static final int ETH_SS_STATS = 1;
    static final int ETH_GSTRING_LEN = 32;

    /** struct ifreq: 16-byte name, then a union of which only the {@code ifr_data} pointer is used. */
    static final int IFREQ_SIZE = 40;
    private static final int IFREQ_DATA_OFFSET = 16;

    /** struct ethtool_sset_info: cmd, reserved, u64 sset_mask, then one u32 per bit set in the mask. */
    private static final int SSET_INFO_MASK_OFFSET = 8;
    private static final int SSET_INFO_DATA_OFFSET = 16;
    /** struct ethtool_gstrings: cmd, string_set, len, then len * ETH_GSTRING_LEN bytes. */
    private static final int GSTRINGS_SET_OFFSET = 4;
    private static final int GSTRINGS_LEN_OFFSET = 8;
    private static final int GSTRINGS_DATA_OFFSET = 12;
    /** struct ethtool_stats: cmd, n_stats, then n_stats u64. */
    private static final int GSTATS_COUNT_OFFSET = 4;
    private static final int GSTATS_DATA_OFFSET = 8;
    /** struct ethtool_drvinfo: cmd, five 32-byte strings, 12 reserved bytes, n_priv_flags, n_stats, three more u32. */
    private static final int DRVINFO_SIZE = 196;
    private static final int DRVINFO_N_STATS_OFFSET = 180;

    /**
     * Most statistics one interface may report. mlx5 VFs have a few thousand; anything near this bound is a
     * garbled reply, and refusing it keeps a bad count from allocating gigabytes.
     */
    static final int MAX_STATISTICS = 1 << 18;

    private EthtoolIoctlCodec() {
    }

    /** ETHTOOL_GSSET_INFO asking how many ETH_SS_STATS strings the driver has. */
    static ByteBuffer statisticsCountRequest(ByteOrder order) {
        ByteBuffer request = ByteBuffer.allocate(SSET_INFO_DATA_OFFSET + Integer.BYTES).order(order);
        request.putInt(0, ETHTOOL_GSSET_INFO);
        request.putLong(SSET_INFO_MASK_OFFSET, 1L << ETH_SS_STATS);
        return request;
    }

    /**
     * The statistics count from an ETHTOOL_GSSET_INFO reply; empty when the kernel cleared the ETH_SS_STATS bit,
     * which is how it says the driver has no statistics at all (loopback, veth on old kernels, ...).
     */
    static OptionalInt statisticsCount(ByteBuffer reply) {
        long mask = reply.getLong(SSET_INFO_MASK_OFFSET);
        if ((mask & (1L << ETH_SS_STATS)) == 0) {
            return OptionalInt.empty();
        }
        // Only the ETH_SS_STATS bit was asked for, so its length is the first and only entry.
        return OptionalInt.of(reply.getInt(SSET_INFO_DATA_OFFSET));
    }

    /** ETHTOOL_GDRVINFO, whose n_stats is the count on kernels without ETHTOOL_GSSET_INFO (before 2.6.34). */
    static ByteBuffer driverInfoRequest(ByteOrder order) {
        ByteBuffer request = ByteBuffer.allocate(DRVINFO_SIZE).order(order);
        request.putInt(0, ETHTOOL_GDRVINFO);
        return request;
    }

    static int driverInfoStatisticsCount(ByteBuffer reply) {
        return reply.getInt(DRVINFO_N_STATS_OFFSET);
    }

    /**
     * Room for {@code count} entries plus a margin. The kernel does not honour the length we send: it writes as
     * many entries as the driver has at the moment of the call. If a driver grows between our count and this
     * call (channels added, VF re-registered), the margin keeps that write inside our buffer; the changed count
     * in the reply then makes the read start over.
     */
    static int capacityFor(int count) {
        return count * 2 + 64;
    }

    /** ETHTOOL_GSTRINGS for the ETH_SS_STATS names, with room for {@link #capacityFor(int)} names. */
    static ByteBuffer statisticNamesRequest(int count, ByteOrder order) {
        requireCount(count);
        ByteBuffer request = ByteBuffer.allocate(GSTRINGS_DATA_OFFSET + capacityFor(count) * ETH_GSTRING_LEN)
                .order(order);
        request.putInt(0, ETHTOOL_GSTRINGS);
        request.putInt(GSTRINGS_SET_OFFSET, ETH_SS_STATS);
        request.putInt(GSTRINGS_LEN_OFFSET, count);
        return request;
    }

    /** How many names the kernel wrote into an ETHTOOL_GSTRINGS reply. */
    static int statisticNamesCount(ByteBuffer reply) {
        return reply.getInt(GSTRINGS_LEN_OFFSET);
    }

    /**
     * The first {@code count} names of an ETHTOOL_GSTRINGS reply. Each name is a NUL-padded 32-byte field; a name
     * using all 32 bytes has no NUL, as ethtool's own {@code %.*s} printing allows.
     */
    static List<String> statisticNames(ByteBuffer reply, int count) {
        requireFits(reply, GSTRINGS_DATA_OFFSET, count, ETH_GSTRING_LEN);
        List<String> names = new ArrayList<>(count);
        byte[] field = new byte[ETH_GSTRING_LEN];
        for (int i = 0; i < count; i++) {
            reply.get(GSTRINGS_DATA_OFFSET + i * ETH_GSTRING_LEN, field);
            int length = 0;
            while (length < ETH_GSTRING_LEN && field[length] != 0) {
                length++;
            }
            names.add(new String(field, 0, length, StandardCharsets.UTF_8));
        }
        return names;
    }

    /** ETHTOOL_GSTATS with room for {@link #capacityFor(int)} values. */
    static ByteBuffer statisticValuesRequest(int count, ByteOrder order) {
        requireCount(count);
        ByteBuffer request = ByteBuffer.allocate(GSTATS_DATA_OFFSET + capacityFor(count) * Long.BYTES).order(order);
        request.putInt(0, ETHTOOL_GSTATS);
        request.putInt(GSTATS_COUNT_OFFSET, count);
        return request;
    }

    /** How many values the kernel wrote into an ETHTOOL_GSTATS reply. */
    static int statisticValuesCount(ByteBuffer reply) {
        return reply.getInt(GSTATS_COUNT_OFFSET);
    }

    /** The first {@code count} values of an ETHTOOL_GSTATS reply: unsigned 64-bit, kept as their bits. */
    static long[] statisticValues(ByteBuffer reply, int count) {
        requireFits(reply, GSTATS_DATA_OFFSET, count, Long.BYTES);
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = reply.getLong(GSTATS_DATA_OFFSET + i * Long.BYTES);
        }
        return values;
    }

    /**
     * struct ifreq naming {@code interfaceName} with {@code ifr_data} = {@code dataAddress}, the address of the
     * ethtool command in native memory.
     *
     * @param pointerSize 8 on 64-bit, 4 on 32-bit systems
     */
    static byte[] interfaceRequest(String interfaceName, long dataAddress, int pointerSize, ByteOrder order) {
        String problem = InterfaceNames.problem(interfaceName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ByteBuffer ifreq = ByteBuffer.allocate(IFREQ_SIZE).order(order);
        // The rest of the 16-byte name field stays zero: the NUL terminator and padding.
        ifreq.put(0, interfaceName.getBytes(StandardCharsets.UTF_8));
        if (pointerSize == Long.BYTES) {
            ifreq.putLong(IFREQ_DATA_OFFSET, dataAddress);
        } else if (pointerSize == Integer.BYTES) {
            ifreq.putInt(IFREQ_DATA_OFFSET, (int) dataAddress);
        } else {
            throw new IllegalArgumentException("unsupported pointer size " + pointerSize);
        }
        return ifreq.array();
    }

    private static void requireCount(int count) {
        if (count < 0 || count > MAX_STATISTICS) {
            throw new IllegalArgumentException("statistics count " + count + " outside 0.." + MAX_STATISTICS);
        }
    }

    private static void requireFits(ByteBuffer reply, int offset, int count, int entrySize) {
        if (count < 0 || (long) offset + (long) count * entrySize > reply.capacity()) {
            throw new IllegalArgumentException(count + " entries of " + entrySize + " bytes do not fit in a "
                    + reply.capacity() + "-byte reply");
        }
    }
}
