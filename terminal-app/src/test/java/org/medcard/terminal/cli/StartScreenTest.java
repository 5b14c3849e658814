package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.config.TerminalEnvironment;

class StartScreenTest {

    @TempDir
    Path dir;

    @Test
    void withNoCommandAndNoConfigurationTheTerminalSaysItIsInTrainingModeAndListsReaders() {
        StringWriter out = new StringWriter();
        int code = MedcardCli.create(new TerminalEnvironment(dir), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).execute();
        assertEquals(0, code);
        String text = out.toString();
        assertTrue(text.startsWith("MedCard Terminal "), text);
        assertTrue(text.contains("PC/SC readers"), text);
        assertTrue(text.contains("Built-in simulator"), text);
        assertTrue(text.contains("TRAINING MODE"), text);
    }

    @Test
    void versionOptionPrintsTheVersion() {
        StringWriter out = new StringWriter();
        int code = MedcardCli.create(new TerminalEnvironment(dir), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).execute("--version");
        assertEquals(0, code);
        assertTrue(out.toString().startsWith("MedCard Terminal"), out.toString());
    }

    @Test
    void jsonQuotingEscapesWhatJsonNeeds() {
        assertEquals("\"a\\\"b\\\\c\\n\"", JsonText.quote("a\"b\\c\n"));
    }
}
