package io.sriovagent.daemon;

import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop that ends with exit status 0.
 *
 * <p>A JVM shutdown hook alone would run the same stop, but the process would then exit with 143/130, which systemd
 * and the Windows SCM report as a failure for what is a normal stop. {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}) is the JDK's supported way to take these signals over.
 */
public final class ShutdownSignals {

    private static final Logger LOG = Logger.getLogger(ShutdownSignals.class.getName());

    private ShutdownSignals() {
    }

    /** Calls {@code onSignal} (on the JVM's signal thread) when SIGTERM or SIGINT arrives. */
    public static void onTermination(Runnable onSignal) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG" + signal.getName() + " received: stopping");
                    onSignal.run();
                });
            } catch (IllegalArgumentException e) {
                // Not available here (e.g. the JVM runs with -Xrs): the shutdown hook still stops the daemon.
                LOG.fine("cannot handle SIG" + name + ": " + e.getMessage());
            }
        }
    }
}
