package org.medcard.transport.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.transport.serial.ScriptedReaderEnd.frame;
import static org.medcard.transport.serial.ScriptedReaderEnd.withBadBcc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;

/** {@link SerialReader} against a scripted reader on an in-memory line: no hardware, no pty. */
class SerialReaderTest {

    private static final SerialReaderConfig FAST = new SerialReaderConfig(Duration.ofMillis(250), Duration.ofMillis(30));
    private static final byte[] ATR = Hex.parse("3B6800000073C84013009000");
    private static final CommandApdu SELECT = new CommandApdu(0x00, 0xA4, 0x04, 0x00, Hex.parse("A000000632010105"));

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private ScriptedReaderEnd readerEnd(Function<SerialFrame, List<byte[]>> script) {
        ScriptedReaderEnd end = new ScriptedReaderEnd(script);
        toClose.add(end);
        return end;
    }

    private SerialReader terminal(ScriptedReaderEnd end) {
        SerialReader reader = SerialReader.open("test reader", end.opener(), FAST);
        toClose.add(0, reader);
        reader.addListener(new SerialReaderListener() {
            @Override
            public void cardInserted(int slot) {
                events.add("inserted " + slot);
            }

            @Override
            public void cardRemoved(int slot) {
                events.add("removed " + slot);
            }

            @Override
            public void readerUnavailable(String reason) {
                events.add("unavailable");
            }

            @Override
            public void readerAvailable() {
                events.add("available");
            }
        });
        return reader;
    }

    /** A well-behaved reader: card in slot 0 answering 9000 (plus the select's FCI), PSAM in slot 1 answering 6A82. */
    private static List<byte[]> goodReader(SerialFrame request) {
        int slot = request.firstDataByte();
        return List.of(switch (request.code()) {
            case 0x10 -> frame(0x00, (byte) 0x01);
            case 0x11 -> frame(0x00, ATR);
            case 0x12 -> frame(0x00);
            case 0x13 -> slot == 0 ? frame(0x00, Hex.parse("6F009000")) : frame(0x00, Hex.parse("6A82"));
            case 0x14 -> frame(0x00, "MEDCARD-SR1 1.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            default -> frame(0x04);
        });
    }

    @Test
    void readerInfo_returnsTheAsciiFirmwareString() {
        SerialReader reader = terminal(readerEnd(SerialReaderTest::goodReader));
        assertEquals("MEDCARD-SR1 1.0", reader.readerInfo());
    }

    @Test
    void powerOn_returnsTheAtr_andSendsTheSlotByte() {
        ScriptedReaderEnd end = readerEnd(SerialReaderTest::goodReader);
        SerialReader reader = terminal(end);
        assertArrayEquals(ATR, reader.slot(1).powerOn());
        assertEquals(new SerialFrame(0x11, new byte[] {1}), end.requests().get(0));
    }

    @Test
    void transmit_sendsSlotThenApdu_andParsesTheResponseApdu() {
        ScriptedReaderEnd end = readerEnd(SerialReaderTest::goodReader);
        SerialReader reader = terminal(end);
        ResponseApdu card = reader.slot(0).transmit(SELECT);
        ResponseApdu psam = reader.slot(1).transmit(SELECT);
        assertEquals(ResponseApdu.of(Hex.parse("6F00"), 0x9000), card);
        assertEquals(ResponseApdu.of(0x6A82), psam);
        assertEquals("00" + Hex.of(SELECT.bytes()), Hex.of(end.requests().get(0).data()));
        assertEquals("01" + Hex.of(SELECT.bytes()), Hex.of(end.requests().get(1).data()));
    }

    @Test
    void slotStatus_mapsTheStatusByte() {
        SerialReader reader = terminal(readerEnd(r -> List.of(frame(0x00, (byte) (r.firstDataByte() == 0 ? 2 : 0)))));
        assertEquals(SlotStatus.CARD_POWERED, reader.slotStatus(0));
        assertEquals(SlotStatus.NO_CARD, reader.slotStatus(1));
        assertTrue(reader.slot(0).isCardPresent());
        assertFalse(reader.slot(1).isCardPresent());
    }

    @Test
    void answer01_isCardRemovedFault() {
        SerialReader reader = terminal(readerEnd(r -> List.of(frame(0x01))));
        assertEquals(CardFault.Kind.CARD_REMOVED, assertThrows(CardFault.class, () -> reader.slot(0).transmit(SELECT)).kind());
    }

    @Test
    void answer02_isCardMuteFault() {
        SerialReader reader = terminal(readerEnd(r -> List.of(frame(0x02))));
        assertEquals(CardFault.Kind.CARD_MUTE, assertThrows(CardFault.class, () -> reader.slot(0).powerOn()).kind());
    }

    @Test
    void answers04And05_areTypedRejections() {
        SerialReader reader = terminal(readerEnd(r -> List.of(frame(r.code() == 0x14 ? 0x04 : 0x05))));
        SerialReaderRejection unknown = assertThrows(SerialReaderRejection.class, reader::readerInfo);
        assertEquals(SerialReaderRejection.Reason.UNKNOWN_COMMAND, unknown.reason());
        assertEquals(0x14, unknown.requestCode());
        SerialReaderRejection noSlot = assertThrows(SerialReaderRejection.class, () -> reader.slot(7).powerOn());
        assertEquals(SerialReaderRejection.Reason.NO_SUCH_SLOT, noSlot.reason());
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, noSlot.kind());
    }

    @Test
    void frameErrorAnswer03_isResentOnce_andTheSecondAnswerCounts() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedReaderEnd end = readerEnd(r -> calls.incrementAndGet() == 1 ? List.of(frame(0x03)) : goodReader(r));
        SerialReader reader = terminal(end);
        assertEquals(ResponseApdu.of(Hex.parse("6F00"), 0x9000), reader.transmit(0, SELECT));
        assertEquals(2, end.requests().size());
        assertEquals(end.requests().get(0), end.requests().get(1), "the same request resent");
    }

    @Test
    void corruptedAnswer_isResentOnce_andSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedReaderEnd end = readerEnd(r -> calls.incrementAndGet() == 1 ? List.of(withBadBcc(goodReader(r).get(0))) : goodReader(r));
        SerialReader reader = terminal(end);
        assertArrayEquals(ATR, reader.powerOn(0));
        assertEquals(2, end.requests().size());
    }

    @Test
    void twoCorruptedAnswers_readerFaulty_withoutAThirdAttempt() {
        ScriptedReaderEnd end = readerEnd(r -> List.of(withBadBcc(goodReader(r).get(0))));
        SerialReader reader = terminal(end);
        CardFault fault = assertThrows(CardFault.class, () -> reader.powerOn(0));
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        assertTrue(fault.getMessage().contains("BAD_BCC"), fault.getMessage());
        assertEquals(2, end.requests().size());
    }

    @Test
    void noAnswer_resentOnceAfterTheTimeout_thenTimeoutFault() {
        ScriptedReaderEnd end = readerEnd(r -> List.of());
        SerialReader reader = terminal(end);
        long start = System.nanoTime();
        CardFault fault = assertThrows(CardFault.class, () -> reader.transmit(0, SELECT));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(CardFault.Kind.TIMEOUT, fault.kind());
        assertEquals(2, end.requests().size());
        assertTrue(millis >= 2 * FAST.answerTimeout().toMillis() - 20 && millis < 2000, "took " + millis + " ms");
    }

    @Test
    void droppedFirstAnswer_resendSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedReaderEnd end = readerEnd(r -> calls.incrementAndGet() == 1 ? List.of() : goodReader(r));
        SerialReader reader = terminal(end);
        assertEquals("MEDCARD-SR1 1.0", reader.readerInfo());
        assertEquals(2, end.requests().size());
    }

    @Test
    void eventsBetweenRequestAndAnswer_areDelivered_andTheAnswerStillCounts() throws Exception {
        ScriptedReaderEnd end = readerEnd(r -> {
            List<byte[]> out = new ArrayList<>();
            out.add(frame(0x81, (byte) 0));
            out.add(frame(0x80, (byte) 1));
            out.addAll(goodReader(r));
            return out;
        });
        SerialReader reader = terminal(end);
        assertEquals(ResponseApdu.of(0x6A82), reader.transmit(1, SELECT));
        assertEquals("removed 0", nextCardEvent());
        assertEquals("inserted 1", nextCardEvent());
        assertEquals(1, end.requests().size());
    }

    @Test
    void eventWhileIdle_isDeliveredWithoutARequest() throws Exception {
        ScriptedReaderEnd end = readerEnd(SerialReaderTest::goodReader);
        SerialReader reader = terminal(end);
        reader.readerInfo(); // the line is up and the reader end knows it
        end.send(frame(0x80, (byte) 0));
        assertEquals("inserted 0", nextCardEvent());
    }

    @Test
    void malformedResponseApdu_isMalformedFault() {
        SerialReader reader = terminal(readerEnd(r -> List.of(frame(0x00, (byte) 0x90))));
        assertEquals(CardFault.Kind.MALFORMED, assertThrows(CardFault.class, () -> reader.transmit(0, SELECT)).kind());
    }

    @Test
    void unexpectedAnswerCode_isMalformedFault() {
        SerialReader reader = terminal(readerEnd(r -> List.of(frame(0x42))));
        assertEquals(CardFault.Kind.MALFORMED, assertThrows(CardFault.class, reader::readerInfo).kind());
    }

    @Test
    void unpluggedPort_readerUnavailableAtOnce_thenWorksOnTheNextRequestWhenBack() {
        ScriptedReaderEnd end = readerEnd(SerialReaderTest::goodReader);
        SerialReader reader = terminal(end);
        assertArrayEquals(ATR, reader.powerOn(0));
        end.unplug();
        assertTimeoutPreemptively(Duration.ofMillis(FAST.answerTimeout().toMillis()), () -> {
            CardFault fault = assertThrows(CardFault.class, () -> reader.powerOn(0));
            assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        }, "a vanished port fails at once, without waiting for a time-out");
        end.plugIn();
        assertArrayEquals(ATR, reader.powerOn(0));
        assertTrue(reader.isConnected());
    }

    @Test
    void portLostDuringARequest_failsThatRequestAtOnce() {
        ScriptedReaderEnd[] holder = new ScriptedReaderEnd[1];
        ScriptedReaderEnd end = readerEnd(r -> {
            holder[0].unplug();
            return List.of();
        });
        holder[0] = end;
        SerialReader reader = terminal(end);
        long start = System.nanoTime();
        CardFault fault = assertThrows(CardFault.class, () -> reader.transmit(0, SELECT));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        assertTrue(millis < FAST.answerTimeout().toMillis(), "took " + millis + " ms");
    }

    @Test
    void backgroundCheck_reopensThePort_andTellsListeners() throws Exception {
        ScriptedReaderEnd end = readerEnd(SerialReaderTest::goodReader);
        SerialReader reader = terminal(end);
        end.unplug();
        assertEquals("unavailable", events.poll(2, TimeUnit.SECONDS));
        assertFalse(reader.isConnected());
        end.plugIn();
        assertEquals("available", events.poll(2, TimeUnit.SECONDS));
        assertTrue(reader.isConnected());
        assertEquals("MEDCARD-SR1 1.0", reader.readerInfo());
    }

    @Test
    void readerAbsentAtStart_isNotAnError_andRequestsSayReaderUnavailable() {
        ScriptedReaderEnd end = readerEnd(SerialReaderTest::goodReader);
        end.unplug();
        SerialReader reader = terminal(end);
        assertFalse(reader.isConnected());
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, assertThrows(CardFault.class, reader::readerInfo).kind());
        assertFalse(reader.slot(0).isCardPresent());
    }

    @Test
    void closedReader_refusesRequests() {
        SerialReader reader = terminal(readerEnd(SerialReaderTest::goodReader));
        reader.close();
        assertEquals(CardFault.Kind.READER_UNAVAILABLE, assertThrows(CardFault.class, reader::readerInfo).kind());
    }

    @Test
    void transportName_saysReaderAndSlot() {
        SerialReader reader = terminal(readerEnd(SerialReaderTest::goodReader));
        assertEquals("test reader slot 1 (PSAM)", reader.slot(1).name());
    }

    private String nextCardEvent() throws InterruptedException {
        while (true) {
            String e = events.poll(2, TimeUnit.SECONDS);
            assertNotNull(e, "no card event within 2 s");
            if (e.startsWith("inserted") || e.startsWith("removed")) {
                return e;
            }
        }
    }
}
