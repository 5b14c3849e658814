package org.medcard.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.store.TerminalDb;

class OperatorsTest {

    @TempDir
    Path dir;

    private TerminalDb db;
    private Operators operators;
    private AuditLog audit;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T02:00:00Z"));

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        audit = new AuditLog(db, clock);
        operators = new Operators(db, new PasswordHasher(1_000, new SecureRandom()), audit, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void anAddedOperatorSignsInWithTheRightPasswordOnly() {
        assertTrue(operators.isEmpty());
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), pw("counter-2026"), "setup");
        assertFalse(operators.isEmpty());
        SignInResult ok = operators.signIn("cashier01", pw("counter-2026"));
        assertEquals(Role.CASHIER, assertInstanceOf(SignInResult.SignedIn.class, ok).operator().role());
        assertEquals(new SignInResult.Rejected(4), operators.signIn("cashier01", pw("wrong-password")));
        assertEquals(new SignInResult.Rejected(5), operators.signIn("nobody", pw("counter-2026")));
    }

    @Test
    void passwordsArriveAsCharArraysAndAreWipedAfterUse() {
        char[] password = pw("counter-2026");
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), password, "setup");
        assertArrayEquals(new char[password.length], password);
        char[] attempt = pw("counter-2026");
        operators.signIn("cashier01", attempt);
        assertArrayEquals(new char[attempt.length], attempt);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), pw("counter-2026"), "setup");
        for (int i = 0; i < Operators.MAX_FAILED_ATTEMPTS - 1; i++) {
            assertInstanceOf(SignInResult.Rejected.class, operators.signIn("cashier01", pw("guess-" + i + "xxxx")));
        }
        SignInResult locked = operators.signIn("cashier01", pw("guess-last-xxx"));
        assertEquals(new SignInResult.Locked(clock.instant().plus(Operators.LOCK_TIME)), locked);
        assertInstanceOf(SignInResult.Locked.class, operators.signIn("cashier01", pw("counter-2026")), "even the right password waits");
        clock.advance(Duration.ofMinutes(16));
        assertInstanceOf(SignInResult.SignedIn.class, operators.signIn("cashier01", pw("counter-2026")));
    }

    @Test
    void aSupervisorCanUnlockByResettingThePassword() {
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), pw("counter-2026"), "setup");
        for (int i = 0; i < Operators.MAX_FAILED_ATTEMPTS; i++) {
            operators.signIn("cashier01", pw("guess-" + i + "xxxx"));
        }
        operators.changePassword("cashier01", pw("new-password-1"), "supervisor01");
        assertInstanceOf(SignInResult.SignedIn.class, operators.signIn("cashier01", pw("new-password-1")));
    }

    @Test
    void deactivatedOperatorsCannotSignInButStayListed() {
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), pw("counter-2026"), "setup");
        operators.deactivate("cashier01", "supervisor01");
        assertInstanceOf(SignInResult.Rejected.class, operators.signIn("cashier01", pw("counter-2026")));
        assertEquals(List.of(new Operator("cashier01", "张丽", Role.CASHIER, false)), operators.list());
    }

    @Test
    void shortPasswordsAndDuplicateNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> operators.add(new Operator("c1", "A", Role.CASHIER, true), pw("short"), "setup"));
        operators.add(new Operator("c1", "A", Role.CASHIER, true), pw("long-enough"), "setup");
        assertThrows(IllegalArgumentException.class, () -> operators.add(new Operator("c1", "B", Role.CASHIER, true), pw("long-enough"), "setup"));
    }

    @Test
    void everyChangeAndSignInIsAudited_andNoPasswordReachesTheFile() throws Exception {
        operators.add(new Operator("cashier01", "张丽", Role.CASHIER, true), pw("counter-2026"), "setup");
        operators.signIn("cashier01", pw("counter-2026"));
        operators.signIn("cashier01", pw("not-the-one"));
        List<String> actions = audit.latest(10).stream().map(AuditLog.Entry::action).toList();
        assertEquals(List.of("signin.rejected", "signin", "operator.add"), actions);
        db.close();
        byte[] raw = Files.readAllBytes(dir.resolve("terminal.db"));
        String content = new String(raw, StandardCharsets.ISO_8859_1);
        assertFalse(content.contains("counter-2026"));
        assertFalse(content.contains("not-the-one"));
        open();
    }

    @Test
    void supervisorCoversCashierButNotTechnician() {
        assertTrue(Role.SUPERVISOR.covers(Role.CASHIER));
        assertFalse(Role.CASHIER.covers(Role.SUPERVISOR));
        assertFalse(Role.SUPERVISOR.covers(Role.TECHNICIAN));
    }

    /** A clock the test moves by hand. */
    static final class SteppingClock extends java.time.Clock {
        private Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.ofHours(8);
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
