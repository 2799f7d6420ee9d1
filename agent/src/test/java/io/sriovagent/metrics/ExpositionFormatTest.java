package io.sriovagent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionFormatTest {

    /** The Accept headers Prometheus sends (prom-accept-headers.txt, the second one wrapped over two lines). */
    private static List<String> prometheusAcceptHeaders() throws IOException {
        try (InputStream in = ExpositionFormatTest.class.getResourceAsStream("/prometheus/prom-accept-headers.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("application/\n", "application/");
            return text.lines().filter(line -> line.startsWith("Accept: "))
                    .map(line -> line.substring("Accept: ".length())).toList();
        }
    }

    @Test
    void prometheusDefaultAndProtobufFirstHeadersGetOpenMetrics() throws IOException {
        List<String> headers = prometheusAcceptHeaders();

        assertEquals(2, headers.size());
        for (String header : headers) {
            assertEquals(ExpositionFormat.OPENMETRICS, ExpositionFormat.negotiate(header), header);
        }
    }

    @Test
    void everythingElseGetsText004() {
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.negotiate(null));
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.negotiate("*/*"));
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.negotiate("text/plain;version=0.0.4"));
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT,
                ExpositionFormat.negotiate("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily"));
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT,
                ExpositionFormat.negotiate("application/openmetrics-text;q=0,text/plain;q=0.5"));
        assertEquals(ExpositionFormat.PROMETHEUS_TEXT, ExpositionFormat.negotiate("application/openmetrics-text;q=x"));
    }

    @Test
    void contentTypesAreExact() {
        assertEquals("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.PROMETHEUS_TEXT.contentType());
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
                ExpositionFormat.OPENMETRICS.contentType());
    }
}
