package io.sriovagent.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Serialises the status document. {@code $interface} components become {@code interface} (a Java keyword). */
public final class StatusJson {

    private static final ObjectMapper COMPACT = mapper(false);
    private static final ObjectMapper PRETTY = mapper(true);

    private StatusJson() {
    }

    public static String compact(StatusDocument document) {
        return write(COMPACT, document);
    }

    public static String pretty(StatusDocument document) {
        return write(PRETTY, document);
    }

    private static String write(ObjectMapper mapper, StatusDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // Only plain records and strings go in: a failure here is a programming error.
            throw new IllegalStateException("cannot serialise the status document", e);
        }
    }

    private static ObjectMapper mapper(boolean pretty) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
            @Override
            public String translate(String name) {
                return name.startsWith("$") ? name.substring(1) : name;
            }
        });
        mapper.configure(SerializationFeature.INDENT_OUTPUT, pretty);
        return mapper;
    }
}
