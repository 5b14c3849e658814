package org.medcard.simulator.reader.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.transport.serial.InMemorySerialLink;
import org.medcard.transport.serial.SerialFrame;
import org.medcard.transport.serial.SerialFrameCodec;

/**
 * The simulator's answers to raw request frames over an in-memory line — including requests our own
 * terminal never sends (unknown commands, missing slot bytes, broken frames). No pty needed.
 */
class SerialReaderSimulatorTest {

    private final SimulatedReader simulated = new SimulatedReader("raw");
    private final ScriptedCard card = new ScriptedCard("3B021122", 0xCA);
    private final SerialFrameCodec decoder = new SerialFrameCodec();
    private final Deque<SerialFrameCodec.Decoded> received = new ArrayDeque<>();
    private InMemorySerialLink terminalEnd;
    private SerialReaderSimulator simulator;

    @BeforeEach
    void start() {
        InMemorySerialLink[] pair = InMemorySerialLink.pair("raw line", 20);
        terminalEnd = pair[0];
        simulator = new SerialReaderSimulator(simulated, () -> pair[1], "RAW 1.0").start();
        // Bytes sent before the reader is on are thrown away (it was off), so wait for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!simulator.isConnected() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SerialFrame ask(int code, byte... data) throws IOException {
        terminalEnd.write(SerialFrameCodec.encode(new SerialFrame(code, data)));
        return assertInstanceOf(SerialFrameCodec.Received.class, next()).frame();
    }

    private SerialFrameCodec.Decoded next() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        byte[] buffer = new byte[512];
        while (received.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no frame from the simulator within 3 s");
            }
            int n = terminalEnd.read(buffer);
            received.addAll(decoder.feed(buffer, 0, n));
        }
        return received.removeFirst();
    }

    @Test
    void readerInfo_isTheConfiguredFirmware() throws IOException {
        assertEquals(new SerialFrame(0x00, "RAW 1.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), ask(0x14));
    }

    @Test
    void slotStatus_followsInsertPowerOnPowerOffAndRemove() throws IOException {
        assertEquals(new SerialFrame(0x00, new byte[] {0x00}), ask(0x10, (byte) 0));
        simulated.cardSlot().insert(card);
        assertEquals(new SerialFrame(0x80, new byte[] {0x00}), assertInstanceOf(SerialFrameCodec.Received.class, next()).frame());
        assertEquals(new SerialFrame(0x00, new byte[] {0x01}), ask(0x10, (byte) 0));
        assertArrayEquals(card.atr(), ask(0x11, (byte) 0).data());
        assertEquals(new SerialFrame(0x00, new byte[] {0x02}), ask(0x10, (byte) 0));
        assertEquals(new SerialFrame(0x00), ask(0x12, (byte) 0));
        assertEquals(new SerialFrame(0x00, new byte[] {0x01}), ask(0x10, (byte) 0));
    }

    @Test
    void powerOffWithoutCard_isNoCard() throws IOException {
        assertEquals(new SerialFrame(0x01), ask(0x12, (byte) 1));
    }

    @Test
    void transmit_passesTheApduToTheCardInThatSlot() throws IOException {
        simulated.psamSlot().insert(card);
        next(); // the 80 event
        byte[] apdu = Hex.parse("805C000204");
        assertEquals(new SerialFrame(0x00, card.expectedResponse(apdu)), ask(0x13, Hex.parse("01805C000204")));
    }

    @Test
    void unknownCommand_is04() throws IOException {
        assertEquals(new SerialFrame(0x04), ask(0x42, (byte) 0));
    }

    @Test
    void slotThatDoesNotExist_andMissingSlotByte_are05() throws IOException {
        assertEquals(new SerialFrame(0x05), ask(0x11, (byte) 2));
        assertEquals(new SerialFrame(0x05), ask(0x10));
    }

    @Test
    void brokenRequestFrame_is03_andTheNextRequestIsAnswered() throws IOException {
        byte[] bad = SerialFrameCodec.encode(new SerialFrame(0x14));
        bad[bad.length - 2] ^= 0x01;
        terminalEnd.write(bad);
        assertEquals(new SerialFrame(0x03), assertInstanceOf(SerialFrameCodec.Received.class, next()).frame());
        assertEquals(0x00, ask(0x14).code());
    }

    @Test
    void muteCard_is02_andEmptySlot_is01() throws IOException {
        assertEquals(new SerialFrame(0x01), ask(0x13, Hex.parse("0000A40400")));
        simulated.cardSlot().insert(card);
        next();
        simulated.cardSlot().setMute(true);
        assertEquals(new SerialFrame(0x02), ask(0x13, Hex.parse("0000A40400")));
        assertEquals(new SerialFrame(0x02), ask(0x11, (byte) 0));
    }

    @Test
    void corruptedAnswer_hasABadBcc_andOnlyTheNextOne() throws IOException {
        simulator.corruptNextAnswers(1);
        terminalEnd.write(SerialFrameCodec.encode(new SerialFrame(0x14)));
        SerialFrameCodec.FrameError error = assertInstanceOf(SerialFrameCodec.FrameError.class, next());
        assertEquals(SerialFrameCodec.ErrorKind.BAD_BCC, error.kind());
        assertEquals(0x00, ask(0x14).code());
    }
}
