package org.medcard.terminal.ui.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.SaleIntent;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.ui.XvfbDisplay;
import org.medcard.terminal.ui.queue.DesktopRig;

/**
 * Issue 18, case 4 in the desktop app under Xvfb, keyboard only: a debit edited outside the terminal; the supervisor
 * opens Alt+5 Tamper findings, reads what was found changed and when, types a note and presses Enter; the finding
 * is acknowledged under the supervisor's name and forwarding is no longer blocked. Real parts throughout.
 */
@ExtendWith(XvfbDisplay.class)
class TamperFindingsGuiIT {

    @TempDir
    Path dir;
    private TerminalConfig config;
    private String edited;

    @BeforeEach
    void aDebitEditedOutsideTheTerminal() throws Exception {
        DesktopRig.needDisplay();
        config = TrainingTerminals.config(dir, Map.of("language", "en"));
        try (Terminal t = new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(true, false, "T01"))) {
            var ticket = t.queue().beginSale(SaleIntent.offline("10000000000000000007", "110101197805211235", 7, 2_500, 0,
                    "[{\"code\":\"XJ01CAA001\",\"qty\":2,\"price\":1250}]"));
            t.queue().recordCardDebit(ticket.saleId(), "0A0B0C0D");
            edited = ticket.saleId();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queue.db")); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE offline_debit SET amount = 25 WHERE sale_id = '" + edited + "'");
        }
    }

    @Test
    void theSupervisorReadsTheFinding_writesANote_andAcknowledgesWithEnter() {
        try (DesktopRig rig = DesktopRig.open(new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(true, false, "T01")))) {
            assertTrue(rig.terminal().queue().forwardingBlocked());
            rig.signIn("supervisor", "22222222");
            rig.show("supervisor");
            GuiActionRunner.execute(() -> ((SupervisorScreen) rig.shell().current().orElseThrow()).showTab(4));
            rig.waitForLabel("tamper.headline", () -> "the open finding", t -> t.contains("STOPPED"));
            String lines = rig.text("tamper.lines");
            assertTrue(lines.contains("OPEN") && lines.contains("offline_debit " + edited + " does not match its HMAC (edited)"), lines);
            assertTrue(lines.contains("found 2026-11-23T02:15:00Z"), lines);
            rig.screenshot("tamper-open-en");

            rig.window().textBox("tamper.note").enterText("edited by hand on the night shift; reported");
            rig.window().textBox("tamper.note").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            rig.waitForLabel("tamper.headline", () -> "acknowledged", t -> t.contains("No open finding"));

            String after = rig.text("tamper.lines");
            assertTrue(after.contains("acknowledged by supervisor") && after.contains("night shift"), after);
            assertTrue(after.contains("Held from the center: offline_debit " + edited), after);
            assertFalse(rig.terminal().queue().forwardingBlocked());
            assertEquals(0, rig.terminal().queue().summary().queuedDebitFen(), "the held, edited amount is not shown as waiting");
            assertTrue(rig.terminal().audit().latest(10).stream().anyMatch(e -> e.action().equals("QUEUE_TAMPER_ACKNOWLEDGED")
                    && e.operator().equals("supervisor")));
            rig.screenshot("tamper-acknowledged-en");
        }
    }
}
