package io.sriovagent.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON Schema draft-04 that the Application Health extension's
 * public-settings schema uses: type, enum, minimum, maximum, properties, additionalProperties=false. The
 * extension rejects settings that fail its schema ("json validation error: invalid public settings JSON").
 */
final class SettingsSchema {

    private SettingsSchema() {
    }

    /** The violations, each naming the offending path; empty when the value conforms. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        String type = schema.path("type").asText(null);
        if (type != null && !hasType(value, type)) {
            problems.add(path + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode propertySchema = properties.get(field.getKey());
                if (propertySchema != null) {
                    check(propertySchema, field.getValue(), path + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(path + "." + field.getKey() + ": not allowed (additionalProperties is false)");
                }
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> throw new IllegalArgumentException("schema type " + type + " is not supported here");
        };
    }
}
