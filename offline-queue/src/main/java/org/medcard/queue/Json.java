package org.medcard.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks and parses the JSON text the queue stores; values keep JSON as text so records stay immutable. */
final class Json {
    private Json() {
    }

    /** Throws IllegalArgumentException unless {@code text} is JSON of the expected shape. */
    static void require(ObjectMapper mapper, String text, boolean array, String what) {
        JsonNode node = parse(mapper, text, what);
        if (array ? !node.isArray() : !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON " + (array ? "array" : "object"));
        }
    }

    static JsonNode parse(ObjectMapper mapper, String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
