package org.medcard.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcard.apdu.Hex;

/**
 * Every case of the specification's {@code test-vectors.json}. The file is kept as a test resource so the
 * module tests on its own; {@link #resourceCopyMatchesSpecification()} fails if it drifts from the spec.
 */
class PurseCryptoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode vectors() throws IOException {
        try (InputStream in = PurseCryptoTest.class.getResourceAsStream("/test-vectors.json")) {
            return JSON.readTree(in);
        }
    }

    static Stream<JsonNode> purchaseVectors() throws IOException {
        return list(vectors().get("vectors"));
    }

    static Stream<JsonNode> loadVectors() throws IOException {
        return list(vectors().get("load_vectors"));
    }

    static Stream<JsonNode> blockVectors() throws IOException {
        return list(vectors().get("block_vectors"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("purchaseVectors")
    void purchaseVector(JsonNode v) {
        Algorithm alg = alg(v);
        byte[] div = h(v, "diversification");
        assertEquals(v.get("diversification").asText(), v.get("card_no").asText().substring(4), "diversification = last 8 bytes of card_no");

        byte[] dpk = PurseCrypto.diversify(alg, h(v, "mpk"), div);
        assertHex(v, "dpk", dpk);
        byte[] dtk = PurseCrypto.diversify(alg, h(v, "mtk"), div);
        assertHex(v, "dtk", dtk);

        int counter = Integer.parseInt(v.get("offline_counter").asText(), 16);
        byte[] sk = PurseCrypto.purchaseSessionKey(alg, dpk, h(v, "card_random"), counter, h(v, "terminal_seq"));
        assertHex(v, "session_key", sk);

        long amount = Long.parseLong(v.get("amount").asText(), 16);
        assertHex(v, "mac1", PurseCrypto.purchaseMac1(alg, sk, amount, h(v, "terminal_id"), h(v, "date"), h(v, "time")));
        assertHex(v, "mac2", PurseCrypto.purchaseMac2(alg, sk, amount));
        assertHex(v, "tac", PurseCrypto.purchaseTac(alg, dtk, amount, h(v, "terminal_id"), h(v, "terminal_seq"), h(v, "date"), h(v, "time")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("loadVectors")
    void loadVector(JsonNode v) {
        Algorithm alg = alg(v);
        byte[] div = Hex.parse(v.get("card_no").asText().substring(4));
        byte[] dlk = PurseCrypto.diversify(alg, h(v, "mlk"), div);
        assertHex(v, "dlk", dlk);
        int counter = Integer.parseInt(v.get("online_counter").asText(), 16);
        byte[] sk = PurseCrypto.loadSessionKey(alg, dlk, h(v, "card_random"), counter);
        assertHex(v, "session_key", sk);

        long oldBalance = Long.parseLong(v.get("old_balance").asText(), 16);
        long amount = Long.parseLong(v.get("amount").asText(), 16);
        long newBalance = Long.parseLong(v.get("new_balance").asText(), 16);
        assertEquals(oldBalance + amount, newBalance, "new balance = old balance + amount");
        assertHex(v, "mac1", PurseCrypto.loadMac1(alg, sk, oldBalance, amount, h(v, "terminal_id")));
        assertHex(v, "mac2", PurseCrypto.loadMac2(alg, sk, amount, h(v, "terminal_id"), h(v, "date"), h(v, "time")));
        byte[] dtk = PurseCrypto.diversify(alg, h(v, "mtk"), div);
        assertHex(v, "tac", PurseCrypto.loadTac(alg, dtk, newBalance, counter, amount, h(v, "terminal_id"), h(v, "date"), h(v, "time")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("blockVectors")
    void applicationBlockVector(JsonNode v) {
        Algorithm alg = alg(v);
        byte[] damk = PurseCrypto.diversify(alg, h(v, "mamk"), Hex.parse(v.get("card_no").asText().substring(4)));
        assertHex(v, "damk", damk);
        int p2 = Integer.parseInt(v.get("p2").asText(), 16);
        assertHex(v, "mac", PurseCrypto.applicationBlockMac(alg, damk, h(v, "challenge"), p2));
    }

    @Test
    void everyVectorGroupIsPresent() throws IOException {
        JsonNode v = vectors();
        assertEquals(4, v.get("vectors").size());
        assertEquals(2, v.get("load_vectors").size());
        assertEquals(2, v.get("block_vectors").size());
    }

    @Test
    void resourceCopyMatchesSpecification() throws IOException {
        Path spec = Path.of(System.getProperty("medcard.specDir", "../../shared/spec"), "test-vectors.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(spec), "shared specification not beside this clone: " + spec);
        try (InputStream in = PurseCryptoTest.class.getResourceAsStream("/test-vectors.json")) {
            assertEquals(JSON.readTree(Files.readAllBytes(spec)), JSON.readTree(in), "test resource differs from " + spec);
        }
    }

    @Test
    void aChangedAmountChangesTheTac() throws IOException {
        JsonNode v = vectors().get("vectors").get(0);
        byte[] dtk = h(v, "dtk");
        byte[] tac = PurseCrypto.purchaseTac(Algorithm.TRIPLE_DES, dtk, 1234, h(v, "terminal_id"), h(v, "terminal_seq"), h(v, "date"), h(v, "time"));
        byte[] forged = PurseCrypto.purchaseTac(Algorithm.TRIPLE_DES, dtk, 1235, h(v, "terminal_id"), h(v, "terminal_seq"), h(v, "date"), h(v, "time"));
        assertFalse(PurseCrypto.macEquals(tac, forged));
    }

    @Test
    void wrongKeyLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PurseCrypto.diversify(Algorithm.SM4, new byte[8], new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> PurseCrypto.diversify(Algorithm.TRIPLE_DES, new byte[16], new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> PurseCrypto.u32(-1));
        assertThrows(IllegalArgumentException.class, () -> PurseCrypto.u32(0x1_0000_0000L));
    }

    @Test
    void algorithmCodesMatchTheFci() {
        assertEquals(Algorithm.TRIPLE_DES, Algorithm.fromCode(0x02));
        assertEquals(Algorithm.SM4, Algorithm.fromCode(0x04));
        assertThrows(IllegalArgumentException.class, () -> Algorithm.fromCode(0x03));
    }

    private static Algorithm alg(JsonNode v) {
        return switch (v.get("algorithm").asText()) {
            case "3DES" -> Algorithm.TRIPLE_DES;
            case "SM4" -> Algorithm.SM4;
            default -> throw new IllegalArgumentException(v.get("algorithm").asText());
        };
    }

    private static byte[] h(JsonNode v, String field) {
        return Hex.parse(v.get(field).asText());
    }

    private static void assertHex(JsonNode v, String field, byte[] actual) {
        assertArrayEquals(h(v, field), actual, field + " expected " + v.get(field).asText() + " got " + Hex.of(actual));
    }

    private static Stream<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }
}
