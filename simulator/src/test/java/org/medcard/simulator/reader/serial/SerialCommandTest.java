package org.medcard.simulator.reader.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.medcard.simulator.reader.SimulatedReader;

import picocli.CommandLine;

/** Option checks of the {@code serial} command; nothing is started. */
class SerialCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SerialCommand(new SimulatedReader("r")));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void neitherPtyNorSocat_isAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--pty") && err.toString().contains("--socat"), err.toString());
    }

    @Test
    void bothPtyAndSocat_isAUsageError() {
        assertEquals(2, run("--pty", "/dev/pts/9", "--socat"));
    }

    @Test
    void linkWithoutSocat_isAUsageError() {
        assertEquals(2, run("--pty", "/dev/pts/9", "--link", "/tmp/x"));
        assertTrue(err.toString().contains("--link goes with --socat"), err.toString());
    }

    @Test
    void help_namesTheCommandAndItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SerialCommand());
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("--help"));
        assertTrue(out.toString().contains("serial") && out.toString().contains("--baud"), out.toString());
    }
}
