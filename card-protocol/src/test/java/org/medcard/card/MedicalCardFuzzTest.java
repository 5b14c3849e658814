package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.apdu.ResponseApdu;
import org.medcard.psam.TerminalId;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * Coverage-guided fuzzing of the card client's answer parsing (docs/fuzzing.md). The first input byte picks
 * the operation; the rest is the card's answers, each as one length byte and that many bytes (data and SW).
 * Contract: an operation either returns a value or throws {@link MalformedResponseException},
 * {@link CardRefusal} (and {@link PurseRefusal}) or {@link CardFault}; nothing else.
 */
class MedicalCardFuzzTest {

    private static final TerminalId TERMINAL = TerminalId.parse("000000123456");

    /** Index = first input byte modulo the list size. */
    private static final List<Function<MedicalCard, Object>> OPERATIONS = List.of(
            MedicalCard::select,
            MedicalCard::readCardInfo,
            MedicalCard::readCardholder,
            MedicalCard::readInsuranceStatus,
            MedicalCard::readTransactionLog,
            c -> c.initializePurchase(100, TERMINAL),
            c -> c.getTransactionProve(5),
            MedicalCard::getBalance);

    /** Answers each command with the next length-prefixed chunk of the fuzz input; too short a chunk is a mute card. */
    private static final class FuzzCard implements CardTransport {
        private final byte[] input;
        private int pos = 1;
        int commands;

        FuzzCard(byte[] input) {
            this.input = input;
        }

        @Override
        public ResponseApdu transmit(CommandApdu command) {
            assertNotNull(command);
            commands++;
            if (pos >= input.length) {
                throw new CardFault(CardFault.Kind.CARD_REMOVED, "fuzz input used up");
            }
            int length = Math.min(input[pos++] & 0xFF, input.length - pos);
            byte[] answer = java.util.Arrays.copyOfRange(input, pos, pos + length);
            pos += length;
            if (answer.length < 2) {
                throw new CardFault(CardFault.Kind.CARD_MUTE, "answer shorter than a status word");
            }
            return ResponseApdu.parse(answer);
        }

        @Override
        public boolean isCardPresent() {
            return true;
        }

        @Override
        public String name() {
            return "fuzz card";
        }

        @Override
        public void close() {
        }
    }

    @FuzzTest(maxDuration = "1m")
    void anyCardAnswers_giveAValueOrATypedFaultOrRefusal(byte[] input) {
        if (input.length == 0) {
            return;
        }
        FuzzCard card = new FuzzCard(input);
        Function<MedicalCard, Object> operation = OPERATIONS.get((input[0] & 0xFF) % OPERATIONS.size());
        Object result;
        try {
            result = operation.apply(new MedicalCard(card));
        } catch (MalformedResponseException | CardRefusal | CardFault typed) {
            assertNotNull(typed.getMessage(), "a typed failure says what went wrong");
            return;
        }
        assertNotNull(result);
        assertTrue(card.commands > 0);
        if (result instanceof List<?> log) {
            assertTrue(log.size() <= 10, "at most 10 log records");
        }
        if (result instanceof Long balance) {
            assertTrue(balance >= 0 && balance <= 0xFFFF_FFFFL, "balance is an unsigned 32-bit amount");
        }
        if (result instanceof PurchaseIntent intent) {
            assertEquals(100, intent.amount());
        }
    }
}
