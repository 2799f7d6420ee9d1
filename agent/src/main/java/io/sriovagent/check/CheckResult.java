package io.sriovagent.check;

import java.util.Objects;

/**
 * One check's outcome on one subject.
 *
 * @param id       which check
 * @param subject  the interface ({@code eth0}) or VF device ({@code 7c4b:00:02.0}) judged; null for host-wide checks
 * @param scope    what kind of thing the subject is
 * @param status   the outcome
 * @param severity critical (decides the verdict) or warning (reported only)
 * @param message  one sentence with the evidence, for the person who has to act
 */
public record CheckResult(CheckId id, String subject, Scope scope, CheckStatus status, Severity severity,
                          String message) {

    public enum Scope { HOST, INTERFACE, DEVICE }

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if ((scope == Scope.HOST) != (subject == null)) {
            throw new IllegalArgumentException("host-wide results have no subject, others need one");
        }
    }

    public static CheckResult pass(CheckId id, Scope scope, String subject, String message) {
        return new CheckResult(id, subject, scope, CheckStatus.PASS, id.severity(), message);
    }

    /** A failing result: {@code fail} for a critical check, {@code warn} for a warning one. */
    public static CheckResult failed(CheckId id, Scope scope, String subject, String message) {
        CheckStatus status = id.severity() == Severity.CRITICAL ? CheckStatus.FAIL : CheckStatus.WARN;
        return new CheckResult(id, subject, scope, status, id.severity(), message);
    }

    public static CheckResult skip(CheckId id, Scope scope, String subject, String message) {
        return new CheckResult(id, subject, scope, CheckStatus.SKIP, id.severity(), message);
    }

    public static CheckResult pending(CheckId id, Scope scope, String subject, String message) {
        return new CheckResult(id, subject, scope, CheckStatus.PENDING, id.severity(), message);
    }

    /** True when this result makes the verdict Unhealthy. */
    public boolean decidesUnhealthy() {
        return status == CheckStatus.FAIL && severity == Severity.CRITICAL;
    }

    /** Identifies the (check, subject) pair across evaluations. */
    public String key() {
        return subject == null ? id.wireName() : id.wireName() + ":" + subject;
    }

    public CheckResult withStatus(CheckStatus newStatus, String newMessage) {
        return new CheckResult(id, subject, scope, newStatus, severity, newMessage);
    }
}
