package io.sriovagent.daemon;

import static io.sriovagent.daemon.AppHealthClassifier.classify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.daemon.AppHealthClassifier.State;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Validates the classifier against the extension's own vectors before the daemon tests rely on it. */
class AppHealthClassifierTest {

    /** An answer of the extension's integration-test web server: status and body, or no answer at all. */
    private record Answer(Integer status, String body) {
    }

    /** The response tokens, as the header of ext-state-machine-golden-vectors.txt defines them. */
    private static final Map<String, Answer> TOKENS = Map.of(
            "2h", new Answer(200, "{\"ApplicationHealthState\":\"Healthy\"}"),
            "2u", new Answer(200, "{\"ApplicationHealthState\":\"Unhealthy\"}"),
            "2i", new Answer(200, "{\"ApplicationHealthState\":\"Hello!\"}"),
            "2", new Answer(200, "{}"),
            "3", new Answer(300, "{}"),
            "4", new Answer(400, "{}"),
            "t", new Answer(null, null),
            "2m-valid", new Answer(200, "{\"ApplicationHealthState\":\"\",\"CustomMetrics\":"
                    + "\"{\\\"rollingUpgradePolicy\\\": { \\\"phase\\\": 2, \\\"doNotUpgrade\\\": true } }\"}"));

    private static final Pattern VECTOR = Pattern.compile("^(V\\d+)\\s.*\\s((?:2h|2u|2i|2m-valid|2|3|4|t)"
            + "(?:,(?:2h|2u|2i|2m-valid|2|3|4|t))*)\\s*$");
    private static final Pattern CHANGED = Pattern.compile("^(?:\\(.*\\)\\s*)?(?:changed\\s+)?(healthy|unhealthy|unknown)\\b");

    @Test
    void rawStateChangesOfEveryGoldenVectorAreReproduced() throws IOException {
        List<String> lines = resource("ext-state-machine-golden-vectors.txt").lines().toList();
        int checked = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher vector = VECTOR.matcher(lines.get(i));
            String log = lines.get(i + 1).strip();
            if (!vector.matches() || log.startsWith("...")) {
                continue; // not a vector with a response list, or its log is abridged in the sample
            }
            List<String> expected = new ArrayList<>();
            for (String entry : log.split("\\|")) {
                Matcher changed = CHANGED.matcher(entry.strip());
                if (changed.find()) {
                    expected.add(changed.group(1));
                }
            }
            List<String> actual = new ArrayList<>();
            for (String token : vector.group(2).split(",")) {
                Answer answer = TOKENS.get(token);
                String state = classify(answer.status(), answer.body()).name().toLowerCase(java.util.Locale.ROOT);
                if (actual.isEmpty() || !actual.get(actual.size() - 1).equals(state)) {
                    actual.add(state);
                }
            }
            if (repeatsAChange(expected)) {
                // The derived summary dropped an entry (the same change twice in a row cannot happen): what it
                // does list must still appear, in order.
                assertTrue(isSubsequence(expected, actual), vector.group(1) + ": " + expected + " in " + actual);
            } else {
                assertEquals(expected, actual, vector.group(1) + ": " + lines.get(i));
            }
            checked++;
        }
        assertEquals(12, checked, "every vector with a response list and a log: V1-V7, V9, V10, V12, V13, V15");
    }

    private static boolean repeatsAChange(List<String> changes) {
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i).equals(changes.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int at = 0;
        for (String item : whole) {
            if (at < part.size() && part.get(at).equals(item)) {
                at++;
            }
        }
        return at == part.size();
    }

    @Test
    void documentedProbeResponsesAreHealthyAndUnhealthy() throws IOException {
        assertEquals(State.HEALTHY, classify(200, resource("docs-probe-response-healthy.json")));
        assertEquals(State.UNHEALTHY, classify(200, resource("docs-probe-response-unhealthy.json")));
        assertEquals(State.HEALTHY, classify(204, resource("docs-probe-response-healthy.json")), "any 2xx");
        assertEquals(State.UNKNOWN, classify(503, resource("docs-probe-response-unhealthy.json")));
    }

    @Test
    void integrationTestServerBodiesClassifyAsItsFlagsSay() throws IOException {
        List<String> lines = resource("ext-integration-test-probe-bodies.txt").lines().toList();
        Map<String, State> expectations = Map.of("2h-valid", State.HEALTHY, "2i", State.UNKNOWN, "2", State.UNKNOWN,
                "2h-invalid", State.HEALTHY, "2h-emptyobj", State.HEALTHY, "2h-null", State.HEALTHY);
        int checked = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher flag = Pattern.compile("^# Flag \"([^\"]+)\"").matcher(lines.get(i));
            if (flag.find() && expectations.containsKey(flag.group(1))) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("#"); j++) {
                    assertEquals(expectations.get(flag.group(1)), classify(200, lines.get(j)),
                            flag.group(1) + ": " + lines.get(j));
                    checked++;
                }
            }
        }
        assertTrue(checked >= 6, "bodies checked: " + checked);
    }

    @Test
    void anythingButAnExactStateIsUnknown() {
        assertEquals(State.UNKNOWN, classify(200, ""));
        assertEquals(State.UNKNOWN, classify(200, "Healthy"));
        assertEquals(State.UNKNOWN, classify(200, "{\"ApplicationHealthState\":\"healthy\"}"));
        assertEquals(State.UNKNOWN, classify(200, "[{\"ApplicationHealthState\":\"Healthy\"}]"));
        assertEquals(State.UNKNOWN, classify(301, "{\"ApplicationHealthState\":\"Healthy\"}"));
        assertEquals(State.UNKNOWN, classify(null, null));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AppHealthClassifierTest.class.getResourceAsStream("/apphealth/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource apphealth/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
