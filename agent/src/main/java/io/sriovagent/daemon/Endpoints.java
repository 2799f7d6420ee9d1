package io.sriovagent.daemon;

import io.sriovagent.metrics.ExpositionFormat;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Supplier;

/**
 * The endpoints of CONTRACT §2. Each answer is picked from the published state: no request ever reaches the probe,
 * and none waits for one.
 */
final class Endpoints implements Handler<HttpServerRequest> {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Buffer NOT_FOUND = Buffer.buffer("not found\n");
    private static final Buffer NOT_ALLOWED = Buffer.buffer("method not allowed\n");
    private static final Buffer NO_BODIES = Buffer.buffer("request bodies are not accepted\n");

    enum Route {
        HEALTH("/health"), HEALTHZ("/healthz"), STATUS("/status"), METRICS("/metrics");

        private final String path;

        Route(String path) {
            this.path = path;
        }

        static Route of(String path) {
            for (Route route : values()) {
                if (route.path.equals(path)) {
                    return route;
                }
            }
            return null;
        }
    }

    private final Supplier<PublishedState> state;
    private final boolean metricsOnly;

    /**
     * @param state       the current published state (never null once a listener runs)
     * @param metricsOnly true for the {@code --metrics-listen} listener, which serves only {@code /metrics}
     */
    Endpoints(Supplier<PublishedState> state, boolean metricsOnly) {
        this.state = state;
        this.metricsOnly = metricsOnly;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        boolean head = request.method() == HttpMethod.HEAD;
        if (carriesBody(request)) {
            // Nothing here takes input: refuse without reading it and drop the connection with its unread bytes.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            send(response, 413, TEXT, NO_BODIES, head);
            return;
        }
        Route route = request.path() == null ? null : Route.of(request.path());
        if (route == null || (metricsOnly && route != Route.METRICS)) {
            send(response, 404, TEXT, NOT_FOUND, head);
            return;
        }
        if (!head && request.method() != HttpMethod.GET) {
            response.putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            send(response, 405, TEXT, NOT_ALLOWED, false);
            return;
        }
        PublishedState current = state.get();
        switch (route) {
            case HEALTH -> send(response, 200, JSON, current.health(), head);
            case HEALTHZ -> send(response, current.healthzStatus(), TEXT, current.healthz(), head);
            case STATUS -> send(response, 200, JSON, current.status(), head);
            case METRICS -> {
                ExpositionFormat format = ExpositionFormat.negotiate(request.getHeader(HttpHeaders.ACCEPT));
                send(response, 200, format.contentType(), current.metrics(format), head);
            }
        }
    }

    private static boolean carriesBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0"))
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** HEAD gets the same status and headers, Content-Length included, and no body. */
    private static void send(HttpServerResponse response, int status, String contentType, Buffer body, boolean head) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
        if (head) {
            response.end();
        } else {
            response.end(body);
        }
    }
}
