package io.sriovagent.check;

/** Whether a failing check decides the verdict ({@code critical}) or is only reported ({@code warning}). */
public enum Severity {
    CRITICAL, WARNING;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
