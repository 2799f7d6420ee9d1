package io.sriovagent.daemon;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the daemon's listeners. Every {@code /health} answer it sees is classified as the
 * Application Health extension would, and must never be Unknown while the daemon runs.
 */
final class HttpAnswers {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private int healthAnswers;

    HttpAnswers(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if ((path.equals("/health") || path.startsWith("/health?")) && method.equals("GET")) {
            healthAnswers++;
            assertNotEquals(AppHealthClassifier.State.UNKNOWN,
                    AppHealthClassifier.classify(response.statusCode(), response.body()),
                    "the extension would read Unknown: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    /** The extension's reading of {@code GET /health}. */
    AppHealthClassifier.State health() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/health");
        return AppHealthClassifier.classify(response.statusCode(), response.body());
    }

    int healthAnswers() {
        return healthAnswers;
    }
}
