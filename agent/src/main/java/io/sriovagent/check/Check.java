package io.sriovagent.check;

import java.util.List;

/** One check: a pure function of the check input to its results (one per subject it judges). */
@FunctionalInterface
public interface Check {

    List<CheckResult> evaluate(CheckInput input);
}
