package org.medcard.terminal;

import java.security.SecureRandom;
import java.time.Clock;

import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.OperatorAdmin;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.security.TerminalKey;
import org.medcard.terminal.store.TerminalDb;

/**
 * The one place the operators' accounts and the audit log are wired: the PBKDF2 hasher and its random salts, the
 * audit log keyed from {@code terminal.key}. The root builds its {@link Terminal#operators()} with it (the desktop,
 * commissioning and the supervisor's CLI commands use that), and so do {@code medcard operator …} and {@code medcard
 * audit …}, which must work without starting the terminal: the first supervisor is made before any reader is set up,
 * and the audit log is read when something else is broken.
 */
public final class AccountsWiring implements AutoCloseable {
    private final TerminalDb ownDb;
    private final AuditLog audit;
    private final Operators operators;
    private final Clock clock;

    /** The accounts alone, on the installation's {@code terminal.db} and {@code terminal.key} (opened here, closed with this). */
    public AccountsWiring(TerminalConfig config, Clock clock) {
        this(TerminalDb.open(config.dataDir().resolve("terminal.db")), true,
                TerminalKey.loadOrCreate(config.dataDir().resolve("terminal.key")), clock);
    }

    /** The terminal's accounts, on the terminal's own {@code terminal.db} and audit key (which the terminal keeps). */
    AccountsWiring(TerminalDb db, byte[] terminalKey, Clock clock) {
        this(db, false, terminalKey, clock);
    }

    private AccountsWiring(TerminalDb db, boolean owned, byte[] terminalKey, Clock clock) {
        this.ownDb = owned ? db : null;
        this.clock = clock;
        this.audit = new AuditLog(db, clock, terminalKey);
        this.operators = new Operators(db, new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS, new SecureRandom()), audit,
                clock);
    }

    /** Who may sign in, with which role (every sign-in and refusal audited). */
    public Operators operators() {
        return operators;
    }

    /** The tamper-evident log of who did what. */
    public AuditLog audit() {
        return audit;
    }

    /** Adding, disabling and resetting accounts (a supervisor's work). */
    public OperatorAdmin admin() {
        return new OperatorAdmin(operators, audit, clock);
    }

    @Override
    public void close() {
        if (ownDb != null) {
            ownDb.close();
        }
    }
}
