package org.medcard.simulator.reader.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.testsupport.SystemParts;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.SerialPortSettings;
import org.medcard.transport.serial.SerialReader;
import org.medcard.transport.serial.SerialReaderConfig;

import picocli.CommandLine;

/** The technician's {@code serial --socat}: prints the terminal's end, serves the reader there, stops cleanly. */
class SerialCommandIT {

    private static final Pattern TERMINAL_SIDE = Pattern.compile("Terminal side: (\\S+)");

    @Test
    void socatOption_printsTheTerminalEnd_servesTheReader_andStops() throws Exception {
        SystemParts.needCommand("socat", "socat");
        SimulatedReader simulated = new SimulatedReader("counter");
        ScriptedCard card = new ScriptedCard("3B6800000073C84013009000", 0xCA);
        simulated.cardSlot().insert(card);
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SerialCommand(simulated, stop));
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--socat"));

        String terminalEnd = awaitTerminalEnd(out);
        CommandApdu select = new CommandApdu(0x00, 0xA4, 0x04, 0x00, new byte[] {(byte) 0xA0, 0, 0, 6, 0x32});
        try (SerialReader reader = SerialReader.open("cli reader", JSerialCommLink.opener(SerialPortSettings.defaults(terminalEnd)),
                SerialReaderConfig.defaults().withAnswerTimeout(Duration.ofMillis(800)))) {
            assertEquals(SerialReaderSimulator.DEFAULT_FIRMWARE, reader.readerInfo());
            assertEquals(ResponseApdu.parse(card.expectedResponse(select.bytes())), reader.transmit(0, select));
        }
        stop.countDown();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("Serial reader stopped."), out.toString());
    }

    private static String awaitTerminalEnd(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = TERMINAL_SIDE.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the command did not print the terminal's end: " + out);
    }
}
