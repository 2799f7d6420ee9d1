package io.sriovagent.linux;

import io.sriovagent.check.CheckResult;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Evaluator;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.ReadError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Runs the core evaluator on fixture snapshots and flattens its results for assertions. */
final class Evaluations {

    private Evaluations() {
    }

    static Evaluation evaluate(HostSnapshot previous, HostSnapshot current) {
        return evaluate(ExpectVf.AUTO, previous, current);
    }

    static Evaluation evaluate(ExpectVf expect, HostSnapshot previous, HostSnapshot current) {
        return new Evaluator(expect, DatapathThresholds.DEFAULTS).evaluate(previous, current, Set.of());
    }

    /** {@code "vf_present:eth0" -> "pass"}, every result of the evaluation. */
    static Map<String, String> statuses(Evaluation evaluation) {
        Map<String, String> statuses = new TreeMap<>();
        evaluation.checks().forEach(result -> statuses.put(result.key(), result.status().wireName()));
        return statuses;
    }

    static CheckResult result(Evaluation evaluation, String key) {
        return evaluation.checks().stream().filter(result -> result.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no result " + key + " in " + statuses(evaluation)));
    }

    /** {@code "sysfs /sys/class/net/eth1/mtu"}: source and subject of every read error, in order. */
    static List<String> errorSubjects(HostSnapshot snapshot) {
        return snapshot.readErrors().stream().map(Evaluations::sourceAndSubject).toList();
    }

    private static String sourceAndSubject(ReadError error) {
        return error.source() + " " + error.subject();
    }
}
