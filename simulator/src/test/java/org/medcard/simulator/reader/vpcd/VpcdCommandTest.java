package org.medcard.simulator.reader.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class VpcdCommandTest {

    @Test
    void bridgesCardAndPsamToTheGivenPorts_untilStopped() throws Exception {
        try (FakeVpcd cardPort = new FakeVpcd(); FakeVpcd psamPort = new FakeVpcd()) {
            ScriptedCard card = new ScriptedCard("card").on("805C000204", "000027109000");
            ScriptedCard psam = new ScriptedCard("psam", "3B800080").on("00B0960006", "1122334455669000");
            VpcdCommand command = new VpcdCommand(() -> card, () -> psam);
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out));

            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--host", "127.0.0.1",
                    "--card-port", String.valueOf(cardPort.port()), "--psam-port", String.valueOf(psamPort.port())));

            assertTrue(cardPort.accept(Duration.ofSeconds(3)));
            assertTrue(psamPort.accept(Duration.ofSeconds(3)));
            assertEquals("000027109000", cardPort.exchange("805C000204"));
            assertEquals("3B800080", psamPort.atr());
            assertEquals("112233445566" + "9000", psamPort.exchange("00B0960006"));

            command.stop();

            assertEquals(0, exit.get(5, TimeUnit.SECONDS));
            assertTrue(cardPort.peerClosed());
            assertTrue(out.toString().contains("Bridging to vpcd on 127.0.0.1"), out.toString());
        }
    }

    @Test
    void defaults_areTheVpcdPortsOnLocalhost() {
        VpcdCommand command = new VpcdCommand();
        new CommandLine(command).parseArgs();

        assertEquals("localhost", command.host);
        assertEquals(35963, command.cardPort);
        assertEquals(35964, command.psamPort);
    }

    @Test
    void technicianCli_bridgesTheProfilesCardAndTheVirtualPsam_andTheConsoleQuitStopsIt() throws Exception {
        try (FakeVpcd cardPort = new FakeVpcd(); FakeVpcd psamPort = new FakeVpcd()) {
            java.io.PipedOutputStream typed = new java.io.PipedOutputStream();
            java.io.PipedInputStream console = new java.io.PipedInputStream(typed);
            StringWriter out = new StringWriter();
            CommandLine cli = org.medcard.simulator.SimulatorMain.commandLine(java.time.Clock.systemDefaultZone(), console)
                    .setOut(new PrintWriter(out, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("vpcd", "--host", "127.0.0.1",
                    "--card-port", String.valueOf(cardPort.port()), "--psam-port", String.valueOf(psamPort.port()),
                    "--profile", "normal-sm4", "--console"));

            assertTrue(cardPort.accept(Duration.ofSeconds(3)));
            assertTrue(psamPort.accept(Duration.ofSeconds(3)));
            String fci = cardPort.exchange("00A4040009F04D4544434152440100");
            assertTrue(fci.endsWith("C001049000"), "an SM4 card answers SELECT: " + fci);
            assertTrue(psamPort.exchange("00A4040009F04D4544434152445000").endsWith("9000"), "the virtual PSAM answers");

            typed.write("quit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            typed.flush();
            assertEquals(0, exit.get(5, TimeUnit.SECONDS));
            assertTrue(out.toString().contains("normal-sm4"), out.toString());
        }
    }
}
