package org.medcard.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.testsupport.ScriptedTransport;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class TracingTransportTest {

    private final Logger trace = (Logger) LoggerFactory.getLogger(TracingTransport.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureTrace() {
        previousLevel = trace.getLevel();
        trace.setLevel(Level.DEBUG);
        trace.setAdditive(false);
        captured.start();
        trace.addAppender(captured);
    }

    @AfterEach
    void restoreTrace() {
        trace.detachAppender(captured);
        trace.setLevel(previousLevel);
        trace.setAdditive(true);
    }

    private List<String> lines() {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static CommandApdu cmd(String hex) {
        return CommandApdu.parse(Hex.parse(hex));
    }

    @Test
    void verifyPin_traceHasNoPinDigits() {
        ScriptedTransport card = new ScriptedTransport("card").expect("0020000003123456", "9000");

        new TracingTransport(card).transmit(cmd("0020000003123456"));

        assertEquals(1, lines().size());
        String line = lines().get(0);
        assertTrue(line.contains("0020000003******"), line);
        assertFalse(line.contains("123456"), line);
        assertEquals(Level.DEBUG, captured.list.get(0).getLevel());
    }

    @Test
    void nonSensitiveCommand_isShownInFull_withMicroseconds() {
        ScriptedTransport card = new ScriptedTransport("reader 0").expect("805C000204", "000027109000");

        new TracingTransport(card).transmit(cmd("805C000204"));

        String line = lines().get(0);
        assertTrue(line.startsWith("reader 0 > 805C000204 < 000027109000 ("), line);
        assertTrue(line.matches(".*\\(\\d+ us\\)$"), line);
    }

    @Test
    void cardNumber_isShownWithFirst3AndLast4DigitsOnly() {
        String answer = "11010000000123450017" + "1101000101202001012030123101" + "0000000000000000" + "9000";
        ScriptedTransport card = new ScriptedTransport("card").expect("00B0810020", answer);

        new TracingTransport(card).transmit(cmd("00B0810020"));

        String line = lines().get(0);
        assertTrue(line.contains("< 110*************0017"), line);
        assertFalse(line.contains("11010000000123450017"), line);
    }

    @Test
    void debitForPurchase_traceHasNoMacOrTacBytes() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("805401000F000000012026031510153011AA22BB08", "C1C2C3C4D1D2D3D49000");

        new TracingTransport(card).transmit(cmd("805401000F000000012026031510153011AA22BB08"));

        String line = lines().get(0);
        assertFalse(line.contains("11AA22BB"), line);
        assertFalse(line.contains("C1C2C3C4"), line);
        assertFalse(line.contains("D1D2D3D4"), line);
        assertTrue(line.contains("805401000F0000000120260315101530********08"), line);
    }

    @Test
    void secretAnswerFetchedWithGetResponse_staysHidden() {
        ScriptedTransport card = new ScriptedTransport("card")
                .expect("805A000602000508", "6108")
                .expect("00C0000008", "D1D2D3D4C1C2C3C49000");

        new ResponseChainingTransport(new TracingTransport(card)).transmit(cmd("805A000602000508"));

        assertEquals(2, lines().size());
        assertTrue(lines().get(0).contains("< 6108"), lines().get(0));
        String piece = lines().get(1);
        assertTrue(piece.contains("00C0000008 < ****************9000"), piece);
    }

    @Test
    void fault_isTracedAndRethrown() {
        ScriptedTransport card = new ScriptedTransport("card").expectFault("805C000204", CardFault.Kind.CARD_MUTE);

        assertThrows(CardFault.class, () -> new TracingTransport(card).transmit(cmd("805C000204")));

        assertTrue(lines().get(0).contains("805C000204 ! CARD_MUTE"), lines().get(0));
    }

    @Test
    void debugOff_nothingLogged_answerStillDelivered() {
        trace.setLevel(Level.INFO);
        ScriptedTransport card = new ScriptedTransport("card").expect("805C000204", "000027109000");

        assertEquals(0x9000, new TracingTransport(card).transmit(cmd("805C000204")).sw().value());

        assertTrue(lines().isEmpty());
    }
}
