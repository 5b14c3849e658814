package org.medcard.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.testsupport.ScriptedTransport;

class ResponseChainingTransportTest {

    private static final CommandApdu GET_BALANCE = CommandApdu.parse(Hex.parse("805C000204"));

    @Test
    void finalAnswer_isPassedThroughUnchanged() {
        ScriptedTransport card = new ScriptedTransport("card").expect("805C000204", "000027109000");

        ResponseApdu answer = new ResponseChainingTransport(card).transmit(GET_BALANCE);

        assertEquals("000027109000", Hex.of(answer.bytes()));
        card.assertAllConsumed();
    }

    @Test
    void moreData_isFetchedWithGetResponseClass00_evenForProprietaryClass80() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("805C000204", "6104")
                .expect("00C0000004", "000027109000");

        ResponseApdu answer = new ResponseChainingTransport(card).transmit(GET_BALANCE);

        assertArrayEquals(Hex.parse("00002710"), answer.data());
        assertEquals(0x9000, answer.sw().value());
        card.assertAllConsumed();
    }

    @Test
    void moreDataInSeveralRounds_isJoinedInOrder() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("00B0810020", "0102036103")
                .expect("00C0000003", "0405066102")
                .expect("00C0000002", "07089000");

        ResponseApdu answer = new ResponseChainingTransport(card).transmit(CommandApdu.parse(Hex.parse("00B0810020")));

        assertEquals("0102030405060708", Hex.of(answer.data()));
        card.assertAllConsumed();
    }

    @Test
    void moreData00_asksFor256Bytes() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("805C000204", "6100")
                .expect("00C0000000", "9000");

        new ResponseChainingTransport(card).transmit(GET_BALANCE);

        card.assertAllConsumed();
    }

    @Test
    void cardThatNeverStopsAnswering61_isMalformedFaultAfterBoundedRounds() {
        ScriptedTransport card = new ScriptedTransport("card").expect("805C000204", "6101");
        for (int i = 0; i < ResponseChainingTransport.MAX_GET_RESPONSE_ROUNDS; i++) {
            card.expect("00C0000001", "AA6101");
        }

        CardFault fault = assertThrows(CardFault.class, () -> new ResponseChainingTransport(card).transmit(GET_BALANCE));

        assertEquals(CardFault.Kind.MALFORMED, fault.kind());
        assertTrue(fault.getMessage().contains("805C0002"), fault.getMessage());
        card.assertAllConsumed();
    }

    @Test
    void wrongLe_resendsSameCommandWithLeFromSw2_once() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("00B0810020", "6C10")
                .expect("00B0810010", "112233445566778899AABBCCDDEEFF009000");

        ResponseApdu answer = new ResponseChainingTransport(card).transmit(CommandApdu.parse(Hex.parse("00B0810020")));

        assertEquals(16, answer.data().length);
        assertEquals(0x9000, answer.sw().value());
        card.assertAllConsumed();
    }

    @Test
    void wrongLeTwice_secondAnswerReturnedAsIs() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("00B0810020", "6C10")
                .expect("00B0810010", "6C08");

        ResponseApdu answer = new ResponseChainingTransport(card).transmit(CommandApdu.parse(Hex.parse("00B0810020")));

        assertEquals(0x6C08, answer.sw().value());
        card.assertAllConsumed();
    }

    @Test
    void wrongLeThenMoreData_bothHandled() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("805A0006 02 0001 0A", "6C08")
                .expect("805A0006 02 0001 08", "6108")
                .expect("00C0000008", "11223344556677889000");

        ResponseApdu answer = new ResponseChainingTransport(card).transmit(CommandApdu.parse(Hex.parse("805A00060200010A")));

        assertEquals("1122334455667788", Hex.of(answer.data()));
        card.assertAllConsumed();
    }

    @Test
    void faults_passThrough() {
        ScriptedTransport card = new ScriptedTransport("card").expectFault("805C000204", CardFault.Kind.CARD_REMOVED);

        CardFault fault = assertThrows(CardFault.class, () -> new ResponseChainingTransport(card).transmit(GET_BALANCE));

        assertEquals(CardFault.Kind.CARD_REMOVED, fault.kind());
    }

    @Test
    void close_closesTheWrappedTransport() {
        ScriptedTransport card = new ScriptedTransport("card");

        new ResponseChainingTransport(card).close();

        assertTrue(card.isClosed());
    }
}
