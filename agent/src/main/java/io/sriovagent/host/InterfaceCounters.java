package io.sriovagent.host;

/** An interface's own cumulative packet and byte counters. */
public record InterfaceCounters(long rxPackets, long txPackets, long rxBytes, long txBytes) {

    public long packets() {
        return rxPackets + txPackets;
    }
}
