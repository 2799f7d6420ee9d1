package io.sriovagent.metrics;

import java.util.Locale;

/**
 * The two text formats {@code /metrics} speaks. Prometheus 3 refuses a scrape without an exact Content-Type, so each
 * format carries the one its writer produces.
 */
public enum ExpositionFormat {
    /** Prometheus text format 0.0.4: the default. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0: only when the scraper asks for it. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * OpenMetrics when the {@code Accept} header lists {@code application/openmetrics-text} with a non-zero quality,
     * text 0.0.4 otherwise. Protobuf is never offered, even when preferred: the contract serves text only.
     */
    public static ExpositionFormat negotiate(String accept) {
        if (accept == null) {
            return PROMETHEUS_TEXT;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().toLowerCase(Locale.ROOT).equals("application/openmetrics-text")
                    && quality(parts) > 0) {
                return OPENMETRICS;
            }
        }
        return PROMETHEUS_TEXT;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
