package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.config.TerminalEnvironment;

/** Issue 15: {@code medcard [global options]} opens the app with them (here: the state, as without a display). */
class GlobalOptionsStartTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int medcard(String... args) {
        return MedcardCli.create(new TerminalEnvironment(dir.resolve("default")), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args);
    }

    @Test
    void globalOptionsAloneAreAPlainStart_commandsHelpAndVersionAreNot() {
        assertTrue(MedcardCli.isPlainStart(new String[0]));
        assertTrue(MedcardCli.isPlainStart(new String[] {"--config", "x.properties"}));
        assertTrue(MedcardCli.isPlainStart(new String[] {"--data-dir", "/srv/medcard", "--reader", "ACS ACR39U 00 00"}));
        assertFalse(MedcardCli.isPlainStart(new String[] {"sale", "--items", "X:1"}));
        assertFalse(MedcardCli.isPlainStart(new String[] {"--config", "x.properties", "queue", "list"}));
        assertFalse(MedcardCli.isPlainStart(new String[] {"--help"}));
        assertFalse(MedcardCli.isPlainStart(new String[] {"--version"}));
        assertFalse(MedcardCli.isPlainStart(new String[] {"--no-such-option"}));
    }

    @Test
    void withAConfigFileAndAReader_theStartUsesThem() throws Exception {
        Path config = dir.resolve("counter2.properties");
        Files.writeString(config, "reader = serial:/dev/ttyUSB7\npsam = simulator\n");

        assertEquals(0, medcard("--config", config.toString()), err.toString());
        assertTrue(out.toString().contains("Configured reader: serial:/dev/ttyUSB7"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, medcard("--config", config.toString(), "--reader", "serial:/dev/ttyS3"), err.toString());
        assertTrue(out.toString().contains("Configured reader: serial:/dev/ttyS3"), "--reader overrides the file: " + out);
    }

    @Test
    void aConfigFileThatDoesNotExist_isOneLineAndExitCode1() {
        assertEquals(1, medcard("--config", dir.resolve("typo.properties").toString()));
        assertTrue(err.toString().contains("typo.properties"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void globalOptionsBeforeACommand_areRefusedWithTheRightOrder_notSilentlyIgnored() {
        assertEquals(2, medcard("--config", "x.properties", "queue", "list"));
        assertTrue(err.toString().contains("go after the command: medcard queue --config"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
