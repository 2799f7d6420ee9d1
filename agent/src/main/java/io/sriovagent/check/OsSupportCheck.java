package io.sriovagent.check;

import io.sriovagent.check.CheckResult.Scope;
import io.sriovagent.host.OsSupport;
import java.util.List;

/** {@code kernel_version} (Linux) / {@code os_build} (Windows): the platform's judgement of the kernel or build. */
final class OsSupportCheck implements Check {

    @Override
    public List<CheckResult> evaluate(CheckInput input) {
        OsSupport support = input.current().os().support();
        CheckId id = CheckId.fromWireName(support.checkId());
        return List.of(switch (support.status()) {
            case SUPPORTED -> CheckResult.pass(id, Scope.HOST, null, support.message());
            case UNSUPPORTED -> CheckResult.failed(id, Scope.HOST, null, support.message());
            case UNKNOWN -> CheckResult.skip(id, Scope.HOST, null, support.message());
        });
    }
}
