package io.sriovagent.service;

import java.time.Duration;

/**
 * What a service runs: the daemon, seen through the two moments the OS service manager cares about. The CLI
 * passes the daemon (probe loop, HTTP listeners) wrapped in this interface to
 * {@link OsServiceSupport#runAsService(String, ServiceBody)}.
 */
public interface ServiceBody {

    /**
     * Starts serving and returns once the agent serves (listeners bound, first probe scheduled). Until it returns,
     * the service manager sees the service as "start pending". Throwing reports a failed start: the service stops
     * with an error exit code, so the OS's recovery actions restart it.
     */
    void start() throws Exception;

    /**
     * Stops serving: stops probing, lets requests in flight finish and closes listeners, returning within about
     * {@code drainWithin} (the service manager gives up on a service that takes much longer). Called once, from a
     * thread of the implementation's choosing; never throws.
     */
    void stop(Duration drainWithin);
}
