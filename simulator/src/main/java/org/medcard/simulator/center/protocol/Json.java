package org.medcard.simulator.center.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The center's JSON conventions, on one configured {@link ObjectMapper} (thread-safe once configured).
 * Parsing is strict (duplicate keys and trailing tokens are malformed) so that two requests the center
 * treats as equal really are equal.
 */
public final class Json {
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    public Json() {
        mapper = new ObjectMapper();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Parses a request body; anything unreadable is a {@link MalformedRequest} with a short reason. */
    public JsonNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedRequest(null, "empty body, a JSON object was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Reading a byte array fails only on its content: Jackson guesses UTF-16/32 from the first bytes and
            // then meets impossible characters (CharConversionException). The client's fault, not ours (found by fuzzing).
            throw new MalformedRequest(null, "unreadable body: " + e.getMessage());
        }
    }

    public JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The canonical text of a value: object keys sorted at every depth, no whitespace. Two requests with
     * the same canonical {@code infno} + {@code input} are the same business act.
     */
    public String canonical(JsonNode node) {
        try {
            Object plain = mapper.treeToValue(node, Object.class);
            return canonical.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
