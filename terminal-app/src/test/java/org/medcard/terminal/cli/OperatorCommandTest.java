package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.store.TerminalDb;

/** {@code medcard operator …} against a real {@code terminal.db} in a temp folder, passwords on stdin. */
class OperatorCommandTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private StringWriter out;
    private StringWriter err;

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, clock, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void firstSupervisorThenACashier_listedAsJson_everyChangeAudited_noPasswordPrinted() throws Exception {
        assertEquals(0, run("", "operator", "list"), err.toString());
        assertTrue(out.toString().contains("No operators yet"), out.toString());

        assertEquals(0, run("chief-pass-1\n", "operator", "add", "chief", "--role", "SUPERVISOR", "--display-name", "王主管"), err.toString());
        assertEquals(1, run("counter-2026\n", "operator", "add", "cashier01", "--role", "CASHIER"), "needs a supervisor now");
        assertTrue(err.toString().contains("--supervisor"), err.toString());
        assertEquals(1, run("wrong-pass\ncounter-2026\n", "operator", "add", "cashier01", "--role", "CASHIER", "--supervisor", "chief"));
        assertEquals(0, run("chief-pass-1\ncounter-2026\n", "operator", "add", "cashier01", "--role", "CASHIER",
                "--display-name", "张丽", "--supervisor", "chief"), err.toString());
        assertEquals(0, run("chief-pass-1\n", "operator", "disable", "cashier01", "--supervisor", "chief"), err.toString());

        assertEquals(0, run("", "operator", "list", "--json"), err.toString());
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertTrue(list.get("supervisor_exists").asBoolean());
        assertEquals(2, list.get("operators").size());
        JsonNode cashier = list.get("operators").get(0);
        assertEquals("cashier01", cashier.get("name").asText());
        assertEquals("张丽", cashier.get("display_name").asText());
        assertEquals("CASHIER", cashier.get("role").asText());
        assertFalse(cashier.get("active").asBoolean());
        assertFalse(cashier.get("locked").asBoolean());

        assertEquals(0, run("chief-pass-1\n", "operator", "enable", "cashier01", "--supervisor", "chief"), err.toString());
        assertEquals(0, run("counter-2026\ncounter-2027\n", "operator", "passwd", "cashier01"), "own password, " + err);
        assertEquals(0, run("chief-pass-1\n", "operator", "unlock", "cashier01", "--supervisor", "chief"), err.toString());

        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            var entries = new AuditLog(db, clock).latest(50);
            for (String action : new String[] {"operator.add", "operator.deactivate", "operator.activate", "operator.password",
                    "operator.unlock", "operator.refused"}) {
                assertTrue(entries.stream().anyMatch(e -> e.action().equals(action)), action + " audited: " + entries);
            }
            assertFalse(entries.stream().anyMatch(e -> e.detail().contains("pass-1") || e.detail().contains("counter-20")));
        }
    }

    @Test
    void usageErrorsExitTwo_refusalsExitOne() {
        assertEquals(2, run("", "operator"), "no subcommand");
        assertEquals(2, run("", "operator", "add", "cashier01"), "--role missing");
        assertEquals(2, run("", "operator", "add", "cashier01", "--role", "JANITOR"), "unknown role");
        assertEquals(2, run("", "operator", "add", "chief", "--role", "SUPERVISOR"), "no password on stdin");
        assertTrue(err.toString().contains("standard input"), err.toString());
        assertEquals(2, run("x\n", "operator", "add", "a b", "--role", "CASHIER"), "bad name");
        assertEquals(1, run("short\n", "operator", "add", "chief", "--role", "SUPERVISOR"), "password too short");
        assertTrue(err.toString().contains("8 characters"), err.toString());
        assertEquals(1, run("", "operator", "disable", "nobody"), "no supervisor exists yet");
        assertEquals(0, run("", "operator", "add", "--help"));
        assertTrue(out.toString().contains("--supervisor") && out.toString().contains("--role"), out.toString());
    }
}
