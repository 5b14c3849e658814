package org.medcard.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcard.apdu.Hex;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.profile.SimulatorJson;
import org.medcard.simulator.profile.SimulatorKeys;
import org.medcard.simulator.psam.VirtualPsam;

/**
 * Every case of the spec's {@code test-vectors.json} (read from card-protocol's test-jar) played through the
 * virtual card and the virtual PSAM as APDUs: the card is given the vector's card number, counter and random,
 * and must answer the vector's MAC1 / MAC2 / TAC; the PSAM must compute the vector's MAC1 and accept its MAC2 and TAC.
 */
class SpecTestVectorsTest {

    private static final ObjectMapper JSON = SimulatorJson.mapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC);

    static JsonNode vectors() throws Exception {
        try (InputStream in = SpecTestVectorsTest.class.getResourceAsStream("/test-vectors.json")) {
            assertNotNull(in, "test-vectors.json from card-protocol's test-jar");
            return JSON.readTree(in);
        }
    }

    static Stream<JsonNode> purchase() throws Exception {
        return list(vectors().get("vectors"));
    }

    static Stream<JsonNode> load() throws Exception {
        return list(vectors().get("load_vectors"));
    }

    static Stream<JsonNode> block() throws Exception {
        return list(vectors().get("block_vectors"));
    }

    private static Stream<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    /** A bundled profile re-issued with the vector's card number, algorithm, counters and balance. */
    static CardProfile profile(JsonNode v, int offline, int online, long balance) throws Exception {
        ObjectNode p = (ObjectNode) JSON.valueToTree(CardProfiles.bundled().get("normal-3des"));
        String cardNo = v.get("card_no").asText();
        p.put("card_no", cardNo);
        p.put("card_region", cardNo.substring(0, 6));
        p.put("algorithm", v.get("algorithm").asText());
        p.put("offline_counter", offline);
        p.put("online_counter", online);
        p.put("balance", balance);
        return JSON.treeToValue(p, CardProfile.class);
    }

    static SimulatorKeys keys(JsonNode v) {
        SimulatorKeys d = SimulatorKeys.defaults();
        return new SimulatorKeys(1, text(v, "mpk", d.mpk()), text(v, "mtk", d.mtk()), text(v, "mlk", d.mlk()), text(v, "mamk", d.mamk()));
    }

    private static String text(JsonNode v, String field, String fallback) {
        return v.has(field) ? v.get(field).asText() : fallback;
    }

    /** A random source that answers the vector's card random or challenge. */
    static RandomGenerator fixed(String hex) {
        byte[] value = Hex.parse(hex);
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(value, 0, bytes, 0, bytes.length);
            }
        };
    }

    static String send(org.medcard.simulator.reader.SimulatedCard card, String hex) {
        return Hex.of(card.process(Hex.parse(hex)));
    }

    @ParameterizedTest
    @MethodSource("purchase")
    void purchaseVector_cardAnswersTacAndMac2_psamAnswersMac1(JsonNode v) throws Exception {
        int counter = Integer.parseInt(v.get("offline_counter").asText(), 16);
        CardProfile p = profile(v, counter, 0, 0x0FFF_FFFFL);
        SimulatorKeys keys = keys(v);
        VirtualMedicalCard card = new VirtualMedicalCard(p, keys, PurseState.initial(p), CLOCK, fixed(v.get("card_random").asText()),
                CardOptions.defaults(), null);
        String amount = v.get("amount").asText();
        String tid = v.get("terminal_id").asText();
        String seq = v.get("terminal_seq").asText();
        String date = v.get("date").asText();
        String time = v.get("time").asText();

        assertEquals("9000", tail(send(card, "00A4040009F04D4544434152440100")));
        String init = send(card, "805001020B01" + amount + tid + "0F");
        assertEquals(v.get("offline_counter").asText(), init.substring(8, 12));
        assertEquals(v.get("card_random").asText() + "9000", init.substring(22));
        assertEquals(v.get("tac").asText() + v.get("mac2").asText() + "9000",
                send(card, "805401000F" + seq + date + time + v.get("mac1").asText() + "08"));

        VirtualPsam psam = new VirtualPsam(List.of(keys), tid, Long.parseLong(seq, 16) - 1, null);
        assertEquals("9000", tail(send(psam, "00A4040009F04D4544434152445000")));
        String algorithm = "3DES".equals(v.get("algorithm").asText()) ? "02" : "04";
        String div = v.get("diversification").asText();
        assertEquals(seq + v.get("mac1").asText() + "9000", send(psam, "807000001C" + v.get("card_random").asText()
                + v.get("offline_counter").asText() + amount + "06" + date + time + "01" + algorithm + div + "08"));
        assertEquals("9000", send(psam, "8072000004" + v.get("mac2").asText()));
        assertEquals("9000", send(psam, "807A" + algorithm + "0022" + div + amount + "06" + tid + seq + date + time + v.get("tac").asText()));
    }

    @ParameterizedTest
    @MethodSource("load")
    void loadVector_cardAnswersMac1_acceptsMac2_answersTac(JsonNode v) throws Exception {
        long oldBalance = Long.parseLong(v.get("old_balance").asText(), 16);
        CardProfile p = profile(v, 0, Integer.parseInt(v.get("online_counter").asText(), 16), oldBalance);
        VirtualMedicalCard card = new VirtualMedicalCard(p, keys(v), PurseState.initial(p), CLOCK, fixed(v.get("card_random").asText()),
                CardOptions.defaults(), null);
        send(card, "00A4040009F04D4544434152440100");
        String init = send(card, "805000020B01" + v.get("amount").asText() + v.get("terminal_id").asText() + "10");
        assertEquals(v.get("old_balance").asText() + v.get("online_counter").asText(), init.substring(0, 12));
        assertEquals(v.get("mac1").asText() + "9000", init.substring(24));
        assertEquals(v.get("tac").asText() + "9000",
                send(card, "805200000B" + v.get("date").asText() + v.get("time").asText() + v.get("mac2").asText() + "04"));
        assertEquals(Long.parseLong(v.get("new_balance").asText(), 16), card.state().balance());
    }

    @ParameterizedTest
    @MethodSource("block")
    void blockVector_cardAcceptsMac_psamComputesIt(JsonNode v) throws Exception {
        CardProfile p = profile(v, 0, 0, 100);
        SimulatorKeys keys = keys(v);
        VirtualMedicalCard card = new VirtualMedicalCard(p, keys, PurseState.initial(p), CLOCK, fixed(v.get("challenge").asText()),
                CardOptions.defaults(), null);
        send(card, "00A4040009F04D4544434152440100");
        assertEquals(v.get("challenge").asText() + "9000", send(card, "0084000008"));
        String p2 = v.get("p2").asText();
        assertEquals("9000", send(card, "841E00" + p2 + "04" + v.get("mac").asText()));
        assertEquals("01".equals(p2) ? BlockState.PERMANENT : BlockState.TEMPORARY, card.state().block());

        VirtualPsam psam = new VirtualPsam(keys, "000000123456");
        send(psam, "00A4040009F04D4544434152445000");
        String algorithm = "3DES".equals(v.get("algorithm").asText()) ? "02" : "04";
        assertEquals(v.get("mac").asText() + "9000",
                send(psam, "807C" + algorithm + p2 + "10" + v.get("card_no").asText().substring(4) + v.get("challenge").asText() + "04"));
    }

    private static String tail(String hex) {
        return hex.substring(hex.length() - 4);
    }
}
