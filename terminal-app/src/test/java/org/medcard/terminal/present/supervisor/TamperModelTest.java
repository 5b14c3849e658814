package org.medcard.terminal.present.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.SaleIntent;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.tamper.TamperFindings;

/**
 * Issue 18, case 4 on the supervisor screen, without a display: a debit edited outside the terminal is shown with
 * when it was found; acknowledging needs a note, is audited under the signed-in supervisor, lifts the block and
 * holds the edited row. Real parts: a training terminal, its SQLite queue edited with a plain SQLite connection.
 */
class TamperModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;
    private Terminal terminal;
    private String edited;

    static final class RecordingView implements TamperView {
        final List<TamperAnswer> answers = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void showTamper(TamperAnswer answer) {
            answers.add(answer);
        }

        @Override
        public void showBusy(boolean busy, String what) {
        }

        @Override
        public void showMessage(String message) {
            messages.add(message);
        }

        TamperAnswer last() {
            return answers.get(answers.size() - 1);
        }
    }

    @BeforeEach
    void aDebitEditedOutsideTheTerminal() throws Exception {
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            var ticket = t.queue().beginSale(SaleIntent.offline("10000000000000000007", "110101197805211235", 7, 2_500, 0,
                    "[{\"code\":\"XJ01CAA001\",\"qty\":2,\"price\":1250}]"));
            t.queue().recordCardDebit(ticket.saleId(), "0A0B0C0D");
            edited = ticket.saleId();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queue.db")); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE offline_debit SET amount = 25 WHERE sale_id = '" + edited + "'");
        }
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of("language", "en")), TrainingTerminals.CLOCK,
                new Terminal.Options(true, false, "sup01"));
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void theFindingIsShown_acknowledgedWithANote_audited_andTheEditedRowIsHeld() {
        RecordingView view = new RecordingView();
        TamperModel model = new TamperModel(new TamperFindings(terminal.queue(), terminal.audit()), () -> "sup01",
                terminal.language(), view, INLINE, INLINE);

        model.refresh();
        TamperAnswer a = view.last();
        assertTrue(a.blocking());
        assertEquals("Forwarding is STOPPED: 1 open finding(s). Find out what changed, then acknowledge with a note (F5).", a.headline());
        assertEquals(1, a.findings().size());
        assertTrue(a.findings().get(0).contains("OPEN  found 2026-11-23T02:15:00Z: offline_debit " + edited
                + " does not match its HMAC (edited)"), a.findings().get(0));

        model.acknowledge("  ");
        assertEquals("Write what you found out first (it goes into the audit log with your name).", view.messages.get(0));
        assertTrue(terminal.queue().forwardingBlocked(), "nothing acknowledged without a note");

        model.acknowledge("edited with a SQLite tool by the night shift; reported to the center");
        a = view.last();
        assertFalse(a.blocking());
        assertFalse(terminal.queue().forwardingBlocked());
        assertTrue(a.findings().get(0).contains("acknowledged by sup01"), a.findings().get(0));
        assertTrue(a.findings().get(0).contains("night shift"), a.findings().get(0));
        assertEquals(List.of("Held from the center: offline_debit " + edited + ": found edited; held from the center since "
                + "2026-11-23T02:15:00.000Z (acknowledged by sup01)"), a.held());
        assertTrue(terminal.audit().latest(10).stream().anyMatch(e -> e.action().equals("QUEUE_TAMPER_ACKNOWLEDGED")
                && e.operator().equals("sup01") && e.detail().contains(edited)));
    }
}
