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

    @Test
    void technicianCli_servesAProfileCardOnAPty_andTheConsoleRemovesItAndQuits() throws Exception {
        SystemParts.needCommand("socat", "socat");
        java.io.PipedOutputStream typed = new java.io.PipedOutputStream();
        java.io.PipedInputStream console = new java.io.PipedInputStream(typed);
        StringWriter out = new StringWriter();
        CommandLine cli = org.medcard.simulator.SimulatorMain.commandLine(java.time.Clock.systemDefaultZone(), console);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("serial", "--socat", "--profile", "normal-sm4", "--console"));

        String terminalEnd = awaitTerminalEnd(out);
        try (SerialReader reader = SerialReader.open("cli reader", JSerialCommLink.opener(SerialPortSettings.defaults(terminalEnd)),
                SerialReaderConfig.defaults().withAnswerTimeout(Duration.ofMillis(800)))) {
            try {
                reader.powerOn(0);
            } catch (RuntimeException e) {
                throw new AssertionError("power on failed; command said: " + out, e);
            }
            org.medcard.card.MedicalCard card = new org.medcard.card.MedicalCard(reader.slot(0));
            assertEquals(org.medcard.crypto.Algorithm.SM4, card.select().fci().orElseThrow().algorithm(), "the profile's card answers");
            org.junit.jupiter.api.Assertions.assertNotEquals(org.medcard.transport.serial.SlotStatus.NO_CARD, reader.slotStatus(1),
                    "the virtual PSAM is in slot 1");
            typed.write("remove\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            typed.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reader.slotStatus(0) != org.medcard.transport.serial.SlotStatus.NO_CARD && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(org.medcard.transport.serial.SlotStatus.NO_CARD, reader.slotStatus(0), "the console took the card out");
        }
        typed.write("quit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        typed.flush();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS), out::toString);
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
