package org.medcard.terminal.present.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.operator.TrainingOperators;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.store.TerminalDb;

/** Sign-in against real operators in a real terminal.db; inline executors, a recording view. */
class SignInModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private TerminalDb db;
    private Operators operators;
    private final List<String> messages = new ArrayList<>();
    private final List<Operator> signedIn = new ArrayList<>();
    private final List<Boolean> busy = new ArrayList<>();
    private final SignInView view = new SignInView() {
        @Override
        public void busy(boolean b) {
            busy.add(b);
        }

        @Override
        public void showMessage(String text) {
            messages.add(text);
        }

        @Override
        public void signedIn(Operator operator) {
            signedIn.add(operator);
        }
    };

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        operators = new Operators(db, new PasswordHasher(1_000, new SecureRandom()), new AuditLog(db, CLOCK), CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SignInModel model(boolean training, Locale locale) {
        return new SignInModel(operators, training, CLOCK.getZone(), Runnable::run, Runnable::run, view,
                Texts.of(SignInModel.BUNDLE, locale));
    }

    @Test
    void trainingMode_seedsThreeAccountsOnce_andTheScreenShowsThem() {
        assertTrue(TrainingOperators.seedIfEmpty(operators));
        assertFalse(TrainingOperators.seedIfEmpty(operators), "never twice");
        assertEquals(List.of("cashier", "supervisor", "technician"), operators.list().stream().map(Operator::name).toList());
        assertEquals(Role.SUPERVISOR, operators.list().get(1).role());

        List<String> hints = model(true, Locale.ENGLISH).trainingHints();
        assertEquals(List.of("cashier / 11111111 (cashier)", "supervisor / 22222222 (supervisor)",
                "technician / 33333333 (technician)"), hints);
        assertEquals("cashier / 11111111（收银员）", model(true, Locale.SIMPLIFIED_CHINESE).trainingHints().get(0));
        assertEquals(List.of(), model(false, Locale.ENGLISH).trainingHints(), "a real terminal shows no passwords");
    }

    @Test
    void rightPassword_signsIn_andWipesThePassword() {
        TrainingOperators.seedIfEmpty(operators);
        char[] pw = "11111111".toCharArray();

        model(true, Locale.ENGLISH).signIn(" cashier ", pw);

        assertEquals(1, signedIn.size());
        assertEquals("cashier", signedIn.get(0).name());
        assertEquals(Role.CASHIER, signedIn.get(0).role());
        assertEquals("\0\0\0\0\0\0\0\0", new String(pw));
        assertEquals(List.of(true, false), busy);
    }

    @Test
    void wrongPassword_saysHowManyTriesAreLeft_thenTheAccountLocks() {
        TrainingOperators.seedIfEmpty(operators);
        SignInModel m = model(true, Locale.ENGLISH);

        m.signIn("cashier", "wrongpass".toCharArray());
        assertEquals("Wrong operator name or password. 4 more tries before the account locks.", messages.get(0));
        for (int i = 0; i < 4; i++) {
            m.signIn("cashier", "wrongpass".toCharArray());
        }
        assertEquals("Too many wrong passwords: this account is locked until 10:30. A supervisor can unlock it sooner.",
                messages.get(messages.size() - 1));
        m.signIn("cashier", "11111111".toCharArray());
        assertTrue(signedIn.isEmpty(), "locked even with the right password");
    }

    @Test
    void unknownOperator_isRejectedLikeAWrongPassword() {
        model(false, Locale.ENGLISH).signIn("nobody", "whatever1".toCharArray());
        assertTrue(messages.get(0).startsWith("Wrong operator name or password."), messages.get(0));
        assertTrue(signedIn.isEmpty());
    }

    @Test
    void emptyFields_areSaidWithoutTouchingTheStore() {
        char[] pw = "secret12".toCharArray();
        model(false, Locale.ENGLISH).signIn("  ", pw);
        assertEquals("Type your operator name.", messages.get(0));
        assertEquals("\0\0\0\0\0\0\0\0", new String(pw));
        model(false, Locale.SIMPLIFIED_CHINESE).signIn("cashier", new char[0]);
        assertEquals("请输入密码。", messages.get(1));
        assertTrue(busy.isEmpty());
    }
}
