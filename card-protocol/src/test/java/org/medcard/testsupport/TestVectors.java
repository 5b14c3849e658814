package org.medcard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;

/** The specification's {@code test-vectors.json} (a test resource copy, checked against the spec by PurseCryptoTest). */
public final class TestVectors {

    private TestVectors() {
    }

    public static JsonNode all() {
        try (InputStream in = TestVectors.class.getResourceAsStream("/test-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> group(String name) {
        List<JsonNode> out = new ArrayList<>();
        all().get(name).forEach(out::add);
        return out;
    }

    public static byte[] bytes(JsonNode v, String field) {
        return Hex.parse(v.get(field).asText());
    }

    public static String hex(JsonNode v, String field) {
        return v.get(field).asText();
    }

    public static long number(JsonNode v, String field) {
        return Long.parseLong(v.get(field).asText(), 16);
    }

    public static Algorithm algorithm(JsonNode v) {
        return "SM4".equals(v.get("algorithm").asText()) ? Algorithm.SM4 : Algorithm.TRIPLE_DES;
    }
}
