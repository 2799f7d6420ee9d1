package io.sriovagent.systemd;

import java.io.IOException;

/** Sends one datagram to a unix socket. The seam between the notification logic and libc. */
public interface DatagramSender {

    void send(NotifySocketAddress to, byte[] payload) throws IOException;
}
