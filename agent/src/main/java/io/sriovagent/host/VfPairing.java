package io.sriovagent.host;

/** The evidence that ties a VF interface to a synthetic NIC. */
public enum VfPairing {
    /** The OS records the VF as the synthetic NIC's lower device (Linux {@code lower_*}/{@code master} links;
     *  Windows: netvsc bound over the VF adapter with the same MAC). */
    LOWER_LINK,
    /** No link was readable, but the VF carries the synthetic NIC's MAC and the IFF_SLAVE flag: paired, yet its
     *  enslavement is not confirmed. */
    MAC_AND_SLAVE_FLAG,
    /** Not paired with any synthetic NIC. */
    NONE
}
