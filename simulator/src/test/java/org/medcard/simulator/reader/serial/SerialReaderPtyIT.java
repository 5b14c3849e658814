package org.medcard.simulator.reader.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.testsupport.SystemParts;
import org.medcard.transport.CardFault;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.SerialPortSettings;
import org.medcard.transport.serial.SerialReader;
import org.medcard.transport.serial.SerialReaderConfig;
import org.medcard.transport.serial.SerialReaderListener;
import org.medcard.transport.serial.SlotStatus;

/**
 * card-protocol's {@link SerialReader} (through jSerialComm) against the {@link SerialReaderSimulator}
 * over a real socat pty pair. The pty ends have fixed symlinks so that a new socat — the reader plugged
 * back in — appears under the same paths.
 */
class SerialReaderPtyIT {

    private static final SerialReaderConfig CONFIG = new SerialReaderConfig(Duration.ofMillis(500), Duration.ofMillis(100));
    private static final CommandApdu SELECT = new CommandApdu(0x00, 0xA4, 0x04, 0x00, Hex.parse("A000000632010105"));
    private static final CommandApdu GET_BALANCE = new CommandApdu(0x80, 0x5C, 0x00, 0x02, 4);

    @TempDir
    Path dir;

    private String socat;
    private Path terminalLink;
    private Path readerLink;
    private PtyPair pair;
    private SimulatedReader simulated;
    private SerialReaderSimulator simulator;
    private SerialReader reader;
    private final ScriptedCard card = new ScriptedCard("3B6800000073C84013009000", 0xCA);
    private final ScriptedCard psam = new ScriptedCard("3B6C00000A0B0C0D0E0F", 0x5A);
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void plugInReader() throws IOException {
        socat = SystemParts.needCommand("socat", "socat").toString();
        terminalLink = dir.resolve("terminal-end");
        readerLink = dir.resolve("reader-end");
        pair = PtyPair.start(socat, terminalLink, readerLink);
        simulated = new SimulatedReader("pty reader");
        simulated.cardSlot().insert(card);
        simulated.psamSlot().insert(psam);
        simulator = SerialReaderSimulator.onPort(simulated, pair.readerEnd()).start();
        awaitTrue(simulator::isConnected, "simulator opened its pty");
        reader = SerialReader.open("counter reader", JSerialCommLink.opener(SerialPortSettings.defaults(pair.terminalEnd())), CONFIG);
        assertTrue(reader.isConnected(), "terminal opened " + pair.terminalEnd());
        reader.addListener(new SerialReaderListener() {
            @Override
            public void cardInserted(int slot) {
                events.add("inserted " + slot);
            }

            @Override
            public void cardRemoved(int slot) {
                events.add("removed " + slot);
            }
        });
    }

    @AfterEach
    void unplugAll() {
        if (reader != null) {
            reader.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void readerInfo_isTheSimulatorsFirmwareString() {
        assertEquals(SerialReaderSimulator.DEFAULT_FIRMWARE, reader.readerInfo());
    }

    @Test
    void powerOn_returnsEachSlotsAtr_andStatusSaysPowered() {
        assertEquals(SlotStatus.CARD_PRESENT, reader.slotStatus(0));
        assertArrayEquals(card.atr(), reader.slot(0).powerOn());
        assertArrayEquals(psam.atr(), reader.slot(1).powerOn());
        assertEquals(SlotStatus.CARD_POWERED, reader.slotStatus(0));
        reader.powerOff(0);
        assertEquals(SlotStatus.CARD_PRESENT, reader.slotStatus(0));
    }

    @Test
    void apduRoundTrip_onCardSlotAndPsamSlot() {
        ResponseApdu fromCard = reader.slot(0).transmit(SELECT);
        ResponseApdu fromPsam = reader.slot(1).transmit(GET_BALANCE);
        assertEquals(ResponseApdu.parse(card.expectedResponse(SELECT.bytes())), fromCard);
        assertEquals(ResponseApdu.parse(psam.expectedResponse(GET_BALANCE.bytes())), fromPsam);
        assertEquals(1, card.commands());
        assertEquals(1, psam.commands());
    }

    @Test
    void noCard_isCardRemovedFault() {
        simulated.cardSlot().remove();
        CardFault fault = assertThrows(CardFault.class, () -> reader.slot(0).transmit(SELECT));
        assertEquals(CardFault.Kind.CARD_REMOVED, fault.kind());
        assertFalse(reader.slot(0).isCardPresent());
    }

    @Test
    void muteCard_isCardMuteFault() {
        simulated.psamSlot().setMute(true);
        assertEquals(CardFault.Kind.CARD_MUTE, assertThrows(CardFault.class, () -> reader.slot(1).powerOn()).kind());
        assertEquals(CardFault.Kind.CARD_MUTE, assertThrows(CardFault.class, () -> reader.slot(1).transmit(SELECT)).kind());
    }

    @Test
    void slotThatDoesNotExist_isNoSuchSlotRejection() {
        CardFault fault = assertThrows(CardFault.class, () -> reader.slot(2).powerOn());
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        assertTrue(fault.getMessage().contains("does not exist"), fault.getMessage());
    }

    @Test
    void oneCorruptedAnswer_isResentOnce_andSucceeds() {
        simulator.corruptNextAnswers(1);
        assertEquals(ResponseApdu.parse(card.expectedResponse(SELECT.bytes())), reader.transmit(0, SELECT));
        assertEquals(2, card.commands(), "the command reached the card twice: the resend");
    }

    @Test
    void twoCorruptedAnswers_readerFaulty() {
        simulator.corruptNextAnswers(2);
        CardFault fault = assertThrows(CardFault.class, () -> reader.transmit(0, SELECT));
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        assertEquals(2, card.commands(), "no third attempt");
        assertEquals(ResponseApdu.parse(card.expectedResponse(SELECT.bytes())), reader.transmit(0, SELECT), "works again after");
    }

    @Test
    void lineNoiseBeforeAnAnswer_isSkipped_withoutResend() {
        simulator.garbageBeforeNextAnswer(Hex.parse("FF00557E0000"));
        assertEquals(ResponseApdu.parse(card.expectedResponse(SELECT.bytes())), reader.transmit(0, SELECT));
        assertEquals(1, card.commands());
    }

    @Test
    void droppedAnswer_timesOut_resendSucceeds() {
        simulator.dropNextAnswers(1);
        long start = System.nanoTime();
        assertEquals(ResponseApdu.parse(psam.expectedResponse(SELECT.bytes())), reader.transmit(1, SELECT));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(2, psam.commands());
        assertTrue(millis >= CONFIG.answerTimeout().toMillis() - 20, "waited the time-out first: " + millis + " ms");
    }

    @Test
    void cardRemovedAndInserted_unsolicitedEventsArrive() throws InterruptedException {
        simulated.cardSlot().remove();
        assertEquals("removed 0", events.poll(2, TimeUnit.SECONDS));
        simulated.cardSlot().insert(card);
        assertEquals("inserted 0", events.poll(2, TimeUnit.SECONDS));
        assertEquals(ResponseApdu.parse(card.expectedResponse(SELECT.bytes())), reader.transmit(0, SELECT));
    }

    @Test
    void eventsBetweenARequestAndItsAnswer_areDelivered_andTheAnswerStillArrives() throws Exception {
        psam.holdNextCommand();
        CompletableFuture<ResponseApdu> answer = CompletableFuture.supplyAsync(() -> reader.transmit(1, GET_BALANCE));
        assertTrue(psam.awaitHeldCommand(), "the PSAM got the command");
        simulated.cardSlot().remove();
        simulated.cardSlot().insert(card);
        assertEquals("removed 0", events.poll(2, TimeUnit.SECONDS));
        assertEquals("inserted 0", events.poll(2, TimeUnit.SECONDS));
        assertFalse(answer.isDone(), "the events came while the request was still waiting");
        psam.releaseHeldCommand();
        assertEquals(ResponseApdu.parse(psam.expectedResponse(GET_BALANCE.bytes())), answer.get(3, TimeUnit.SECONDS));
        assertEquals(1, psam.commands());
    }

    @Test
    void answerSlowerThanTheTimeout_isTimeoutFault_afterOneResend() {
        simulated.cardSlot().setDelayMillis(3 * CONFIG.answerTimeout().toMillis());
        long start = System.nanoTime();
        CardFault fault = assertThrows(CardFault.class, () -> reader.transmit(0, SELECT));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(CardFault.Kind.TIMEOUT, fault.kind());
        assertTrue(millis >= 2 * CONFIG.answerTimeout().toMillis() - 20 && millis < 3 * CONFIG.answerTimeout().toMillis(),
                "two waits of the time-out: " + millis + " ms");
    }

    @Test
    void portVanishes_readerUnavailable_thenPlugsBackIn_works() throws IOException {
        assertEquals(SerialReaderSimulator.DEFAULT_FIRMWARE, reader.readerInfo());
        pair.close(); // socat ends: both ptys vanish, as when a USB-serial reader is pulled out
        awaitTrue(() -> !reader.isConnected(), "terminal noticed the port is gone");
        CardFault fault = assertThrows(CardFault.class, () -> reader.transmit(0, SELECT));
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());

        pair = PtyPair.start(socat, terminalLink, readerLink); // plugged back in: same paths
        awaitTrue(simulator::isConnected, "simulator reopened its end");
        assertEquals(ResponseApdu.parse(card.expectedResponse(SELECT.bytes())), reader.transmit(0, SELECT));
        assertTrue(reader.isConnected());
    }

    @Test
    void readerSwitchedOff_timesOut_thenSwitchedOn_works() {
        simulator.unplug();
        assertEquals(CardFault.Kind.TIMEOUT, assertThrows(CardFault.class, reader::readerInfo).kind());
        simulator.plugIn();
        awaitTrue(simulator::isConnected, "simulator reopened its end");
        assertEquals(SerialReaderSimulator.DEFAULT_FIRMWARE, reader.readerInfo());
    }

    @Test
    void simulatedReaderUnplugged_givesNoAnswer_soTheTerminalTimesOut() {
        simulated.setUnplugged(true);
        assertEquals(CardFault.Kind.TIMEOUT, assertThrows(CardFault.class, () -> reader.slotStatus(0)).kind());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
        assertNotNull(what);
    }
}
