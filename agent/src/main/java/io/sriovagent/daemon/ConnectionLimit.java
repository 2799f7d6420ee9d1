package io.sriovagent.daemon;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Caps open connections over all listeners: a connection beyond the cap is closed as soon as it is accepted, so a
 * flood of idle connections cannot exhaust file descriptors or memory. Logged once per episode.
 */
final class ConnectionLimit implements Handler<HttpConnection> {

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class.getName());

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private boolean reported;

    ConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void handle(HttpConnection connection) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            if (!reported) {
                reported = true;
                LOG.warning(max + " HTTP connections are open: closing new ones until some close ("
                        + connection.remoteAddress() + " refused)");
            }
            connection.close();
            return;
        }
        connection.closeHandler(closed -> {
            if (open.decrementAndGet() < max / 2 && reported) {
                reported = false;
                LOG.info("HTTP connections back to " + open.get() + ", accepting again");
            }
        });
    }
}
