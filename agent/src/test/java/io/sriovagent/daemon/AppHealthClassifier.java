package io.sriovagent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * How the Application Health extension (rich health states) reads one probe answer, per shared/design/FACTS.md
 * "Consumers": Healthy or Unhealthy only when the status is 2xx and the JSON body's {@code ApplicationHealthState}
 * is exactly {@code Healthy} or {@code Unhealthy}; anything else (non-2xx, empty or invalid body, no answer) is
 * Unknown — and Unknown triggers the same automatic repairs as Unhealthy.
 */
public final class AppHealthClassifier {

    public enum State { HEALTHY, UNHEALTHY, UNKNOWN }

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppHealthClassifier() {
    }

    /**
     * @param status the HTTP status, or null when there was no answer (refused, timed out)
     * @param body   the response body, or null
     */
    public static State classify(Integer status, String body) {
        if (status == null || status < 200 || status > 299 || body == null) {
            return State.UNKNOWN;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return State.UNKNOWN;
        }
        if (root == null || !root.isObject()) {
            return State.UNKNOWN;
        }
        JsonNode state = root.get("ApplicationHealthState");
        if (state == null || !state.isTextual()) {
            return State.UNKNOWN;
        }
        return switch (state.textValue()) {
            case "Healthy" -> State.HEALTHY;
            case "Unhealthy" -> State.UNHEALTHY;
            default -> State.UNKNOWN;
        };
    }
}
