package org.medcard.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.security.TerminalKey;
import org.medcard.terminal.store.TerminalDb;

/** Issue 18 case 12: {@code medcard audit list} used to show a tampered row as fact, without a word. */
class AuditListWarningTest {

    @TempDir
    Path dir;

    @BeforeEach
    void log() {
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            AuditLog audit = new AuditLog(db, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC),
                    TerminalKey.loadOrCreate(dir.resolve("terminal.key")));
            audit.record("super01", "VOID", "settlement S1: cash back 2500 fen");
            audit.record("cashier01", "RESETTLED", "entry E1, refund 3402 fen");
        }
    }

    @Test
    void anIntactLog_isListedWithoutWarning() {
        StringWriter out = new StringWriter();
        assertEquals(0, cli(out, "audit", "list"));
        assertFalse(out.toString().contains("WARNING") || out.toString().contains("TAMPERED"), out.toString());
        assertTrue(out.toString().contains("VOID  settlement S1: cash back 2500 fen"), out.toString());
    }

    @Test
    void aTamperedRow_isListedUnderAWarning_andMarked() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("terminal.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit SET detail = 'settlement S1: cash back 25 fen' WHERE action = 'VOID'");
        }
        StringWriter out = new StringWriter();
        assertEquals(0, cli(out, "audit", "list"));
        String text = out.toString();
        assertTrue(text.startsWith("WARNING: the audit log does not verify (1 finding(s))"), text);
        assertTrue(text.contains("TAMPERED  1  ") && text.contains("cash back 25 fen"), text);
        assertFalse(text.contains("TAMPERED  2  "), text);

        StringWriter json = new StringWriter();
        cli(json, "audit", "list", "--json");
        assertTrue(json.toString().contains("\"intact\":false") && json.toString().contains("\"tampered\":true"), json.toString());
    }

    private int cli(StringWriter out, String... args) {
        return MedcardCli.create(new TerminalEnvironment(dir), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute(args);
    }
}
