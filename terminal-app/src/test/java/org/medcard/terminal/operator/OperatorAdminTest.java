package org.medcard.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.store.TerminalDb;

class OperatorAdminTest {

    @TempDir
    Path dir;

    private TerminalDb db;
    private Operators operators;
    private AuditLog audit;
    private OperatorAdmin admin;
    private final OperatorsTest.SteppingClock clock = new OperatorsTest.SteppingClock(Instant.parse("2026-11-23T02:00:00Z"));

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        audit = new AuditLog(db, clock);
        operators = new Operators(db, new PasswordHasher(1_000, new SecureRandom()), audit, clock);
        admin = new OperatorAdmin(operators, audit, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static OperatorAdmin.Credentials as(String name, String password) {
        return new OperatorAdmin.Credentials(name, password.toCharArray());
    }

    private void firstSupervisor() {
        assertTrue(admin.add(new Operator("chief", "王主管", Role.SUPERVISOR, true), "chief-pass-1".toCharArray(), null).done());
    }

    @Test
    void theFirstSupervisorIsCreatedWithoutCredentials_thenEveryChangeNeedsASupervisor() {
        assertFalse(admin.supervisorExists());
        OperatorAdmin.Result cashierFirst = admin.add(new Operator("cashier01", "张丽", Role.CASHIER, true), "counter-2026".toCharArray(), null);
        assertFalse(cashierFirst.done(), "only the first supervisor may be created without credentials");
        assertTrue(cashierFirst.message().contains("no supervisor exists yet"), cashierFirst.message());

        firstSupervisor();
        assertTrue(admin.supervisorExists());
        assertEquals("setup", audit.latest(1).get(0).operator(), "the first supervisor is recorded as made at setup");

        OperatorAdmin.Result second = admin.add(new Operator("chief2", "李主管", Role.SUPERVISOR, true), "chief-pass-2".toCharArray(), null);
        assertFalse(second.done(), "a second supervisor needs the first one's credentials");
        assertTrue(second.message().contains("--supervisor"), second.message());

        assertTrue(admin.add(new Operator("cashier01", "张丽", Role.CASHIER, true), "counter-2026".toCharArray(), as("chief", "chief-pass-1")).done());
        assertEquals(List.of("cashier01", "chief"), operators.list().stream().map(Operator::name).toList());
        AuditLog.Entry added = audit.latest(1).get(0);
        assertEquals("chief", added.operator());
        assertEquals("operator.add", added.action());
        assertEquals("cashier01 as CASHIER", added.detail());
    }

    @Test
    void aCashierOrAWrongPasswordCannotManageAccounts_andTheRefusalIsAudited() {
        firstSupervisor();
        admin.add(new Operator("cashier01", "张丽", Role.CASHIER, true), "counter-2026".toCharArray(), as("chief", "chief-pass-1"));

        OperatorAdmin.Result byCashier = admin.add(new Operator("cashier02", "赵强", Role.CASHIER, true), "counter-2027".toCharArray(),
                as("cashier01", "counter-2026"));
        assertFalse(byCashier.done());
        assertTrue(byCashier.message().contains("not a supervisor"), byCashier.message());

        OperatorAdmin.Result wrong = admin.disable("cashier01", as("chief", "not-the-password"));
        assertFalse(wrong.done());
        assertEquals("wrong name or password", wrong.message());
        assertTrue(operators.list().stream().filter(o -> o.name().equals("cashier01")).findFirst().orElseThrow().active());
        AuditLog.Entry refused = audit.latest(1).get(0);
        assertEquals("operator.refused", refused.action());
        assertEquals("chief", refused.operator());
        assertTrue(refused.detail().startsWith("disable cashier01"), refused.detail());
        assertFalse(audit.latest(50).stream().anyMatch(e -> e.detail().contains("not-the-password") || e.detail().contains("counter-20")),
                "no password in the audit log");
    }

    @Test
    void disableEnableAndUnlock_eachRecordedWithTheSupervisor() {
        firstSupervisor();
        admin.add(new Operator("cashier01", "张丽", Role.CASHIER, true), "counter-2026".toCharArray(), as("chief", "chief-pass-1"));

        assertTrue(admin.disable("cashier01", as("chief", "chief-pass-1")).done());
        assertInstanceOf(SignInResult.Rejected.class, operators.signIn("cashier01", "counter-2026".toCharArray()), "disabled");
        assertTrue(admin.enable("cashier01", as("chief", "chief-pass-1")).done());
        assertInstanceOf(SignInResult.SignedIn.class, operators.signIn("cashier01", "counter-2026".toCharArray()));

        for (int i = 0; i < Operators.MAX_FAILED_ATTEMPTS; i++) {
            operators.signIn("cashier01", "wrong-guess".toCharArray());
        }
        Operators.Status locked = operators.statuses().stream().filter(s -> s.operator().name().equals("cashier01")).findFirst().orElseThrow();
        assertTrue(locked.lockedAt(clock.instant()));
        assertInstanceOf(SignInResult.Locked.class, operators.signIn("cashier01", "counter-2026".toCharArray()));
        assertTrue(admin.unlock("cashier01", as("chief", "chief-pass-1")).done());
        assertInstanceOf(SignInResult.SignedIn.class, operators.signIn("cashier01", "counter-2026".toCharArray()));

        List<String> actions = audit.latest(30).stream().filter(e -> e.operator().equals("chief") && e.action().startsWith("operator."))
                .map(AuditLog.Entry::action).toList();
        assertTrue(actions.containsAll(List.of("operator.deactivate", "operator.activate", "operator.unlock", "operator.add")), actions.toString());
        assertFalse(admin.unlock("nobody", as("chief", "chief-pass-1")).done(), "unknown operator");
    }

    @Test
    void theLastActiveSupervisorCannotBeDisabled() {
        firstSupervisor();
        OperatorAdmin.Result r = admin.disable("chief", as("chief", "chief-pass-1"));
        assertFalse(r.done());
        assertTrue(r.message().contains("last active supervisor"), r.message());
        admin.add(new Operator("chief2", "李主管", Role.SUPERVISOR, true), "chief-pass-2".toCharArray(), as("chief", "chief-pass-1"));
        assertTrue(admin.disable("chief", as("chief2", "chief-pass-2")).done(), "with another supervisor it may be");
    }

    @Test
    void passwordChangedBySupervisorOrByTheOperatorWithTheCurrentOne_passwordsAreWiped() {
        firstSupervisor();
        admin.add(new Operator("cashier01", "张丽", Role.CASHIER, true), "counter-2026".toCharArray(), as("chief", "chief-pass-1"));

        char[] current = "counter-2026".toCharArray();
        char[] fresh = "counter-2027".toCharArray();
        assertTrue(admin.changePassword("cashier01", fresh, new OperatorAdmin.Credentials("cashier01", current)).done());
        assertArrayEquals(new char[current.length], current, "current password wiped");
        assertArrayEquals(new char[fresh.length], fresh, "new password wiped");
        assertInstanceOf(SignInResult.SignedIn.class, operators.signIn("cashier01", "counter-2027".toCharArray()));

        assertFalse(admin.changePassword("cashier01", "counter-2028".toCharArray(), as("cashier01", "counter-2026")).done(),
                "the old password no longer works");
        assertFalse(admin.changePassword("cashier01", "short".toCharArray(), as("chief", "chief-pass-1")).done(), "too short");
        assertTrue(admin.changePassword("cashier01", "counter-2029".toCharArray(), as("chief", "chief-pass-1")).done());
        assertInstanceOf(SignInResult.SignedIn.class, operators.signIn("cashier01", "counter-2029".toCharArray()));
    }
}
