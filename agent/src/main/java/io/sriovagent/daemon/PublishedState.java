package io.sriovagent.daemon;

import io.sriovagent.check.Evaluation;
import io.sriovagent.check.Verdict;
import io.sriovagent.metrics.ExpositionFormat;
import io.sriovagent.metrics.SriovMetrics;
import io.sriovagent.report.StatusDocuments;
import io.sriovagent.report.StatusJson;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * What the daemon serves until the next probe, rendered once on the probe thread: HTTP handlers only pick the
 * bytes, so an answer never waits for a probe nor does work proportional to the host's size, and every endpoint
 * shows the same probe.
 *
 * @param evaluation      the published evaluation (after the health policy)
 * @param verdict         its verdict
 * @param health          the Application Health extension body
 * @param healthzStatus   200 when healthy, 503 when not
 * @param healthz         {@code ok} or the failing checks, one line
 * @param status          the status JSON of CONTRACT §3
 * @param metricsText     the scrape in Prometheus text 0.0.4
 * @param metricsOpenMetrics the scrape in OpenMetrics 1.0
 */
public record PublishedState(
        Evaluation evaluation,
        Verdict verdict,
        Buffer health,
        int healthzStatus,
        Buffer healthz,
        Buffer status,
        Buffer metricsText,
        Buffer metricsOpenMetrics) {

    public static PublishedState render(Evaluation published, SriovMetrics metrics) {
        Verdict verdict = published.verdict();
        String health = "{\"ApplicationHealthState\":\"" + verdict.applicationHealthState() + "\"}";
        String healthz = verdict.healthy() ? "ok\n" : "unhealthy: " + String.join(", ", verdict.reasons()) + "\n";
        return new PublishedState(published, verdict,
                utf8(health),
                verdict.healthy() ? 200 : 503,
                utf8(healthz),
                utf8(StatusJson.compact(StatusDocuments.from(published))),
                Buffer.buffer(metrics.render(ExpositionFormat.PROMETHEUS_TEXT)),
                Buffer.buffer(metrics.render(ExpositionFormat.OPENMETRICS)));
    }

    public Buffer metrics(ExpositionFormat format) {
        return format == ExpositionFormat.OPENMETRICS ? metricsOpenMetrics : metricsText;
    }

    private static Buffer utf8(String text) {
        return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
