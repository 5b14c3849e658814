package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.receipt.CommissioningReport;
import org.medcard.terminal.receipt.ReceiptHeader;

/** {@code medcard simulator commission --json}: the checklist's verdict and every check, machine-readable. */
class CommissionJsonTest {

    @Test
    void json_carriesVerdictCountsAndEveryCheck() throws Exception {
        ReceiptHeader header = ReceiptHeader.now("H0001", "Kangning Pharmacy", "T07", "Li Gong", true, TrainingTerminals.CLOCK);
        CommissioningReport report = new CommissioningReport(header, "Li Gong", List.of(
                new CommissioningReport.CheckItem("Normal sale", true, "settled 41.20"),
                new CommissioningReport.CheckItem("Void", false, "center refused: 2103")));

        JsonNode n = TerminalCommands.JSON.readTree(
                TerminalCommands.JSON.writeValueAsString(CommissionCommand.json(report, 1, Path.of("/data/commissioning/x"))));

        assertEquals("FAIL", n.get("verdict").asText());
        assertEquals(1, n.get("passed").asInt());
        assertEquals(2, n.get("total").asInt());
        assertEquals("/data/commissioning/x", n.get("scratch").asText());
        assertEquals("Void", n.get("checks").get(1).get("name").asText());
        assertEquals(false, n.get("checks").get(1).get("passed").asBoolean());
        assertEquals("center refused: 2103", n.get("checks").get(1).get("detail").asText());
    }
}
