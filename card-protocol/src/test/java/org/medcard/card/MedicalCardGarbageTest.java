package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.apdu.ResponseApdu;
import org.medcard.psam.TerminalId;
import org.medcard.transport.CardTransport;

/**
 * A card that answers every command with seeded random data and a 9000: every read and purse method must
 * fail with a typed fault or refusal (or succeed), never with an index or another runtime exception.
 */
class MedicalCardGarbageTest {

    /** Answers random bytes of random length (0..40) with 9000, and a real card-info file to SFI 01 half the time. */
    private static class GarbageCard implements CardTransport {
        private final Random random;

        GarbageCard(long seed) {
            random = new Random(seed);
        }

        @Override
        public ResponseApdu transmit(CommandApdu command) {
            if (command.ins() == 0xB0 && command.p1() == 0x81 && random.nextBoolean()) {
                return ResponseApdu.parse(org.medcard.apdu.Hex.parse(CardScript.ok(CardScript.cardInfo(CardScript.CARD_NO))));
            }
            byte[] data = new byte[random.nextInt(41)];
            random.nextBytes(data);
            // Now and then a plausibly sized answer, so parsing goes past the length checks.
            if (random.nextInt(4) == 0) {
                data = new byte[command.le() > 0 && command.le() < 256 ? command.le() : 32];
                random.nextBytes(data);
            }
            return ResponseApdu.of(data, 0x9000);
        }

        @Override
        public boolean isCardPresent() {
            return true;
        }

        @Override
        public String name() {
            return "garbage card";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void randomAnswers_onlyEverGiveTypedFailures() {
        List<Consumer<MedicalCard>> calls = List.of(MedicalCard::select, MedicalCard::readCardInfo, MedicalCard::readCardholder,
                MedicalCard::readInsuranceStatus, MedicalCard::readTransactionLog, MedicalCard::getBalance,
                MedicalCard::getChallenge, c -> c.verifyPin("123456".toCharArray()),
                c -> c.initializePurchase(100, TerminalId.parse("000000123456")), c -> c.getTransactionProve(5),
                c -> c.initializeForLoad(100, TerminalId.parse("000000123456")));
        int typed = 0;
        for (long seed = 0; seed < 3000; seed++) {
            MedicalCard client = new MedicalCard(new GarbageCard(seed));
            try {
                calls.get((int) (seed % calls.size())).accept(client);
            } catch (MalformedResponseException | CardRefusal expected) {
                typed++;
            }
        }
        assertTrue(typed > 1000, "most random answers are rejected: " + typed);
    }

    /** Valid answers with random bytes changed, removed or added: still only typed failures. */
    @Test
    void mutatedValidAnswers_onlyEverGiveTypedFailures() {
        String cardholder = "C112" + org.medcard.apdu.Hex.of("110101198001040017".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "C206D5C59534B235" + "C30102" + "C40419800104" + "C50101" + "C603110101" + "0000";
        List<String> valid = List.of(CardScript.fci("02"), CardScript.cardInfo(CardScript.CARD_NO), cardholder,
                "04042025010120100101000000000000", "0005000000000004D206000000123456202611221015 02".replace(" ", ""));
        List<Consumer<MedicalCard>> readers = List.of(MedicalCard::select, MedicalCard::readCardInfo, MedicalCard::readCardholder,
                MedicalCard::readInsuranceStatus, MedicalCard::readTransactionLog);
        Random random = new Random(11_22L);
        for (int i = 0; i < 5000; i++) {
            int which = i % valid.size();
            byte[] answer = mutate(org.medcard.apdu.Hex.parse(valid.get(which)), random);
            CardTransport fixed = new GarbageCard(i) {
                @Override
                public ResponseApdu transmit(CommandApdu command) {
                    return ResponseApdu.of(answer, command.ins() == 0xB2 && command.p1() > 1 ? 0x6A83 : 0x9000);
                }
            };
            try {
                readers.get(which).accept(new MedicalCard(fixed));
            } catch (MalformedResponseException | CardRefusal expected) {
                // typed
            }
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(3)) {
            case 0:
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                return b;
            case 1:
                return java.util.Arrays.copyOf(b, random.nextInt(b.length));
            default:
                byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + random.nextInt(4));
                longer[longer.length - 1] = (byte) random.nextInt(256);
                return longer;
        }
    }
}
