package io.sriovagent.linux.support;

import io.sriovagent.host.ReadError;
import java.util.ArrayList;
import java.util.List;

/** Collects what one probe (or one part of it) could not read. Not thread-safe: a probe runs on one thread. */
public final class ReadErrors {

    private final List<ReadError> errors = new ArrayList<>();

    public void add(String source, String subject, String message) {
        errors.add(new ReadError(source, subject, message));
    }

    public void addAll(ReadErrors other) {
        errors.addAll(other.errors);
    }

    public List<ReadError> toList() {
        return List.copyOf(errors);
    }
}
