package io.sriovagent.windows.net;

import java.util.Objects;

/**
 * One row of the IP Helper interface table (MIB_IF_ROW2), reduced to what the probe uses.
 *
 * @param guid        InterfaceGuid, lower case with braces: equals the adapter's NetCfgInstanceId
 * @param alias       the interface alias ("Ethernet 3"): the name people and Get-NetAdapter use
 * @param description the adapter description ("Microsoft Hyper-V Network Adapter #3")
 * @param mac         lower-case colon-separated MAC, null when the row has none
 * @param mtu         MTU, -1 when the row reports none
 * @param operState   IF_OPER_STATUS as Linux names operstates ({@code up}, {@code down}, {@code lowerlayerdown}...)
 * @param hardware    the HardwareInterface flag: a row of a real (or synthetic) adapter
 * @param filter      the FilterInterface flag: a filter module's row, which repeats the adapter's MAC
 * @param counters    the row's cumulative counters
 */
public record InterfaceRow(
        String guid, String alias, String description, String mac, int mtu, String operState, boolean hardware,
        boolean filter, Counters counters) {

    public InterfaceRow {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(counters, "counters");
    }

    /** An adapter's own row: hardware and not a filter. */
    public boolean adapterRow() {
        return hardware && !filter;
    }

    /** The MIB_IF_ROW2 counters the probe uses; all cumulative. */
    public record Counters(
            long inOctets, long inUcastPkts, long inNUcastPkts, long outOctets, long outUcastPkts,
            long outNUcastPkts, long outDiscards) {

        public long inPackets() {
            return inUcastPkts + inNUcastPkts;
        }

        public long outPackets() {
            return outUcastPkts + outNUcastPkts;
        }
    }
}
