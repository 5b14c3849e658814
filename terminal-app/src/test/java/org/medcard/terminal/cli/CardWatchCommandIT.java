package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * {@code medcard card watch} on the training reader (looked at every 250 ms; PC/SC readers are covered by
 * {@code ReadersComeBackThroughPcscdIT}): one JSON line per event, the card read like {@code card info}.
 */
class CardWatchCommandIT {

    @TempDir
    Path dir;

    @Test
    void watchJson_readerLineThenCardLine_withMaskedNumberStatusAndName() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK, new ByteArrayInputStream(new byte[0]));

        int code = MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("card", "watch", "--json", "--events", "2", "--sim-card", "suspended");

        assertEquals(0, code, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode reader = json.readTree(lines.get(0));
        assertEquals("reader", reader.get("event").asText());
        assertEquals("OK", reader.get("state").asText());
        JsonNode card = json.readTree(lines.get(1));
        assertEquals("card", card.get("event").asText());
        assertEquals("presented", card.get("state").asText());
        assertEquals("110*************0003", card.get("card_no").asText());
        assertEquals("SUSPENDED", card.get("status").asText());
        assertEquals("李强", card.get("name").asText());
        assertFalse(out.toString().contains("11010120190315000003"), "the full card number is not printed");
    }
}
