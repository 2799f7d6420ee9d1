package io.sriovagent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging to stderr, one line per record ({@code 2026-11-22T02:00:00Z INFO  message}): journald and the
 * Windows event log add their own metadata, so lines stay short. Stack traces only with {@code --debug}.
 */
public final class LogSetup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private LogSetup() {
    }

    public static void configure(boolean debug) {
        install(new ConsoleHandler(), debug);
    }

    /**
     * Under the Windows service manager stderr goes nowhere: log to rotating files in
     * {@code %ProgramData%/sriov-agent/logs} (3 x 1 MiB), and to stderr when that folder cannot be written.
     */
    public static void configureForService(boolean debug) {
        Path folder = Path.of(System.getenv().getOrDefault("ProgramData", System.getProperty("java.io.tmpdir")),
                "sriov-agent", "logs");
        try {
            Files.createDirectories(folder);
            install(new FileHandler(folder.resolve("sriov-agent.%g.log").toString(), 1 << 20, 3, true), debug);
        } catch (IOException | SecurityException e) {
            configure(debug);
            Logger.getLogger("io.sriovagent").warning("cannot log to " + folder + " (" + e + "); logging to stderr");
        }
    }

    private static void install(Handler handler, boolean debug) {
        Logger root = Logger.getLogger("");
        for (Handler existing : root.getHandlers()) {
            root.removeHandler(existing);
        }
        handler.setFormatter(new OneLine(debug));
        handler.setLevel(debug ? Level.FINE : Level.INFO);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        // Our own loggers go to FINE with --debug; libraries (Netty, Vert.x) stay at INFO to keep the journal quiet.
        Logger.getLogger("io.sriovagent").setLevel(debug ? Level.FINE : Level.INFO);
    }

    private static final class OneLine extends Formatter {
        private final boolean withStackTraces;

        OneLine(boolean withStackTraces) {
            this.withStackTraces = withStackTraces;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                    .append(String.format("%-7s", record.getLevel().getName())).append(' ')
                    .append(formatMessage(record));
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                line.append(": ").append(thrown);
                if (withStackTraces) {
                    for (StackTraceElement element : thrown.getStackTrace()) {
                        line.append("\n\tat ").append(element);
                    }
                }
            }
            return line.append('\n').toString();
        }
    }
}
