package io.sriovagent.daemon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the agent's log lines during a test. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.sriovagent");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    long count(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    /** Waits until a line containing the fragment appears; fails after 20 s. */
    void await(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (count(fragment) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with \"" + fragment + "\" in " + lines);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
