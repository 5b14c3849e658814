package org.medcard.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.security.TerminalKey;
import org.medcard.terminal.store.TerminalDb;

/**
 * The audit log is tamper-evident: rows are edited, deleted and added behind the terminal's back with a plain
 * SQLite connection to the real file (what someone with the file and a SQLite tool can do), and
 * {@link AuditLog#verify()} and {@code medcard audit verify} must say so, naming the row.
 */
class AuditLogTest {

    @TempDir
    Path dir;

    private TerminalDb db;
    private AuditLog audit;
    private final OperatorsTest.SteppingClock clock = new OperatorsTest.SteppingClock(Instant.parse("2026-11-23T02:00:00Z"));

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        audit = new AuditLog(db, clock, TerminalKey.loadOrCreate(dir.resolve("terminal.key")));
        Operators operators = new Operators(db, new PasswordHasher(1_000, new SecureRandom()), audit, clock);
        operators.add(new Operator("super01", "王芳", Role.SUPERVISOR, true), "supervisor-2026".toCharArray(), "setup");
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), "counter-2026".toCharArray(), "super01");
        operators.signIn("cashier01", "wrong-password".toCharArray());
        operators.signIn("cashier01", "counter-2026".toCharArray());
        audit.record("super01", "VOID", "settlement S1: cash back 2500 fen");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("terminal.db")); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void anUntouchedLogVerifies() {
        AuditLog.Verification v = audit.verify();
        assertTrue(v.intact(), v.findings().toString());
        assertEquals(5, v.rows());
        assertEquals(0, v.beforeChain());
    }

    @Test
    void anEditedRowIsFound() throws Exception {
        tamper("UPDATE audit SET detail = 'settlement S1: cash back 25 fen' WHERE action = 'VOID'");
        List<String> f = audit.verify().findings();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("audit row 5 (VOID) was changed"), f.get(0));
    }

    @Test
    void aDeletedRowInTheMiddleIsFound() throws Exception {
        tamper("DELETE FROM audit WHERE action = 'signin.rejected'");
        List<String> f = audit.verify().findings();
        assertTrue(f.contains("audit rows 3 are missing (deleted)") || f.stream().anyMatch(x -> x.contains("3") && x.contains("missing")), f.toString());
        assertFalse(audit.verify().intact());
    }

    @Test
    void theNewestRowDeletedIsFoundByTheSeal() throws Exception {
        tamper("DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit)");
        List<String> f = audit.verify().findings();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("sealed at row 5") && f.get(0).contains("newest rows were deleted"), f.get(0));
    }

    @Test
    void aRowAddedByHandIsFound() throws Exception {
        tamper("INSERT INTO audit (at, operator, action, detail, mac) VALUES ('2026-11-23T03:00:00Z', 'super01', 'VOID', 'x', '00')");
        assertFalse(audit.verify().intact());
    }

    @Test
    void aForgedSealIsFound() throws Exception {
        tamper("UPDATE audit_seal SET last_id = 4");
        assertEquals(List.of("the audit seal was changed"), audit.verify().findings());
    }

    @Test
    void writingGoesOnAfterAVerification_andTheCliSaysIntactOrExit1() throws Exception {
        audit.record("cashier01", "RESETTLED", "entry E1, refund 3402 fen");
        db.close();
        StringWriter out = new StringWriter();
        assertEquals(0, cli(out, "audit", "verify"), out.toString());
        assertTrue(out.toString().contains("audit log verified: 6 row(s), no findings"), out.toString());

        tamper("UPDATE audit SET operator = 'cashier02' WHERE id = 6");
        out = new StringWriter();
        assertEquals(1, cli(out, "audit", "verify", "--json"));
        assertTrue(out.toString().contains("\"intact\":false") && out.toString().contains("audit row 6 (RESETTLED)"), out.toString());
        db = TerminalDb.open(dir.resolve("terminal.db"));
    }

    private int cli(StringWriter out, String... args) {
        TerminalEnvironment env = new TerminalEnvironment(dir);
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(out, true)).execute(args);
    }
}
