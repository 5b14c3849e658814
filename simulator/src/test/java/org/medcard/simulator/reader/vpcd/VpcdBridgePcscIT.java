package org.medcard.simulator.reader.vpcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.testsupport.SystemParts;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * The simulated reader behind a real pcscd through vpcd, driven by our PC/SC adapter: every byte goes
 * JDK → libpcsclite → pcscd → vpcd → TCP → {@link VpcdBridge} → scripted card, and back.
 *
 * <p>The last tests stop pcscd and start it again: our JNA PC/SC binding (the default of {@link PcscReaders})
 * reads the card again in the same JVM. (The JDK's SunPCSC would not: it keeps one context per JVM.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VpcdBridgePcscIT {

    static final String CARD_READER = "Virtual PCD 00 00";
    static final String PSAM_READER = "Virtual PCD 00 01";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String SELECT = "00A4040009F04D4544434152440100";
    private static final String FCI = "6F0E8409F04D454443415244 01A5009000".replace(" ", "");

    private PrivatePcscd pcscd;
    private final SimulatedReader reader = new SimulatedReader("it");
    private VpcdBridge cardBridge;
    private VpcdBridge psamBridge;
    private final PcscReaders readers = new PcscReaders();
    private ScriptedCard card;
    private ScriptedCard psam;

    @BeforeAll
    void startPcscdAndBridges() throws Exception {
        pcscd = PrivatePcscd.startOrReuse();
        cardBridge = VpcdBridge.local(reader.cardSlot());
        psamBridge = VpcdBridge.local(reader.psamSlot());
        cardBridge.start();
        psamBridge.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (cardBridge != null) {
            cardBridge.close();
        }
        if (psamBridge != null) {
            psamBridge.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @BeforeEach
    void insertFreshCards() {
        reader.cardSlot().setMute(false);
        card = new ScriptedCard("card")
                .on(SELECT, FCI)
                .on("805C000204", "6104")
                .on("00C0000004", "000027109000")
                .on("80C0000004", "6E00")
                .on("00B0810020", "6C10")
                .on("00B0810010", "112233445566778899AABBCCDDEEFF009000");
        psam = new ScriptedCard("psam").on("00B0960006", "1122334455669000");
        // Take out the previous test's cards first and let pcscd see them go, as a cashier would.
        reader.cardSlot().remove();
        reader.psamSlot().remove();
        assertTrue(readers.waitForCardAbsent(CARD_READER, WAIT), "card reader empty");
        assertTrue(readers.waitForCardAbsent(PSAM_READER, WAIT), "PSAM reader empty");
        reader.cardSlot().insert(card);
        reader.psamSlot().insert(psam);
        assertTrue(readers.waitForCard(CARD_READER, WAIT), "card reader shows the card");
        assertTrue(readers.waitForCard(PSAM_READER, WAIT), "PSAM reader shows the PSAM");
        card.clearReceived();
    }

    private static CommandApdu cmd(String hex) {
        return CommandApdu.parse(Hex.parse(hex));
    }

    @Test
    @Order(1)
    void readerNames_listBothVpcdReaders() {
        List<String> names = readers.readerNames();

        assertTrue(names.contains(CARD_READER), names.toString());
        assertTrue(names.contains(PSAM_READER), names.toString());
    }

    @Test
    @Order(2)
    void presenceFollowsRemoveAndInsert() {
        reader.cardSlot().remove();
        assertTrue(readers.waitForCardAbsent(CARD_READER, WAIT), "card shown absent after removal");

        reader.cardSlot().insert(card);
        assertTrue(readers.waitForCard(CARD_READER, WAIT), "card shown present after insertion");
    }

    @Test
    @Order(3)
    void waitForCard_timesOutOnAnEmptyReader() {
        reader.cardSlot().remove();
        assertTrue(readers.waitForCardAbsent(CARD_READER, WAIT));

        assertFalse(readers.waitForCard(CARD_READER, Duration.ofMillis(300)));
    }

    @Test
    @Order(4)
    void apdu_goesThroughPcscdToTheCardAndBack() {
        try (CardTransport t = readers.open(CARD_READER)) {
            ResponseApdu answer = t.transmit(cmd(SELECT));

            assertEquals(FCI, Hex.of(answer.bytes()));
            assertEquals(List.of(SELECT), card.received());
        }
    }

    @Test
    @Order(5)
    void psamSlot_answersOnTheSecondReader() {
        try (CardTransport t = readers.open(PSAM_READER)) {
            assertEquals("112233445566", Hex.of(t.transmit(cmd("00B0960006")).data()));
        }
        assertTrue(card.received().isEmpty(), "the card slot saw nothing");
    }

    @Test
    @Order(6)
    void moreData_isFetchedByOurGetResponseWithClass00_notTheJdks() {
        try (CardTransport t = readers.open(CARD_READER)) {
            ResponseApdu answer = t.transmit(cmd("805C000204"));

            assertEquals(0x9000, answer.sw().value());
            assertEquals("00002710", Hex.of(answer.data()));
            assertEquals(List.of("805C000204", "00C0000004"), card.received());
        }
    }

    @Test
    @Order(7)
    void wrongLe_isResentWithTheLeTheCardAskedFor() {
        try (CardTransport t = readers.open(CARD_READER)) {
            ResponseApdu answer = t.transmit(cmd("00B0810020"));

            assertEquals(16, answer.data().length);
            assertEquals(List.of("00B0810020", "00B0810010"), card.received());
        }
    }

    @Test
    @Order(8)
    void cardRemovedMidSession_isCardRemovedFault() {
        try (CardTransport t = readers.open(CARD_READER)) {
            t.transmit(cmd(SELECT));
            reader.cardSlot().remove();
            assertTrue(readers.waitForCardAbsent(CARD_READER, WAIT));

            CardFault fault = assertThrows(CardFault.class, () -> t.transmit(cmd(SELECT)));

            assertEquals(CardFault.Kind.CARD_REMOVED, fault.kind(), fault.getMessage());
            assertTrue(fault.getMessage().contains(CARD_READER), fault.getMessage());
            assertFalse(t.isCardPresent());
        }
    }

    @Test
    @Order(9)
    void muteCard_isCardMuteFault() {
        try (CardTransport t = readers.open(CARD_READER)) {
            reader.cardSlot().setMute(true);

            CardFault fault = assertThrows(CardFault.class, () -> t.transmit(cmd(SELECT)));

            assertEquals(CardFault.Kind.CARD_MUTE, fault.kind(), fault.getMessage());
        } finally {
            reader.cardSlot().setMute(false);
        }
    }

    @Test
    @Order(10)
    void unknownReader_faultNamesTheReadersPresent() {
        CardFault fault = assertThrows(CardFault.class, () -> readers.open("No Such Reader 00 00"));

        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        assertTrue(fault.getMessage().contains(CARD_READER), fault.getMessage());
    }

    @Test
    @Order(100)
    void pcscdStopped_isNoServiceFault_andTheBridgeReconnectsWhenItComesBack() throws Exception {
        SystemParts.need(pcscd.owned(), "a pcscd this test may stop (one not started by this test is running)",
                "stop the system's pcscd first: systemctl stop pcscd.socket pcscd");
        try (CardTransport t = readers.open(CARD_READER)) {
            pcscd.stop();
            awaitTrue(() -> !cardBridge.isConnected(), "bridge notices that vpcd is gone");

            CardFault onTransmit = assertThrows(CardFault.class, () -> t.transmit(cmd(SELECT)));
            CardFault onList = assertThrows(CardFault.class, readers::readerNames);

            assertTrue(List.of(CardFault.Kind.NO_SERVICE, CardFault.Kind.READER_UNAVAILABLE).contains(onTransmit.kind()),
                    onTransmit.getMessage());
            assertEquals(CardFault.Kind.NO_SERVICE, onList.kind(), onList.getMessage());
        }
        pcscd.start();
        awaitTrue(cardBridge::isConnected, "card bridge reconnects to the new pcscd");
        awaitTrue(psamBridge::isConnected, "PSAM bridge reconnects to the new pcscd");
    }

    @Test
    @Order(101)
    void afterPcscdRestart_theNextCardIsReadInTheSameJvm() throws Exception {
        SystemParts.need(pcscd.owned(), "a pcscd this test may stop (one not started by this test is running)",
                "stop the system's pcscd first: systemctl stop pcscd.socket pcscd");
        assertTrue(readers.waitForCard(CARD_READER, WAIT), "the card is seen through the new pcscd");
        try (CardTransport t = readers.open(CARD_READER)) {
            assertEquals(FCI, Hex.of(t.transmit(cmd(SELECT)).bytes()));
        }
        assertTrue(readers.readerNames().contains(PSAM_READER));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }
}
