package org.medcard.terminal.operator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medcard.terminal.store.TerminalDb;

/**
 * Local operator accounts: add, sign in (with lock-out after repeated failures), change password,
 * deactivate. Every change and every sign-in is written to the audit log in the same transaction.
 * Passwords arrive as {@code char[]} and are wiped here after use.
 */
public final class Operators {

    /** Wrong passwords in a row before the account locks. */
    public static final int MAX_FAILED_ATTEMPTS = 5;
    /** How long a locked account stays locked (a supervisor may unlock it sooner). */
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final TerminalDb db;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when the operator does not exist, so a wrong name takes as long as a wrong password. */
    private final PasswordHasher.Hashed dummy;

    public Operators(TerminalDb db, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.dummy = new PasswordHasher.Hashed(new byte[16], new byte[32], hasher.iterations());
    }

    /** Whether any operator exists (the first start creates the first supervisor). */
    public boolean isEmpty() {
        return db.inTransaction(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM operator")) {
                return rs.getInt(1) == 0;
            }
        });
    }

    /** Adds an operator; {@code by} is who did it (for the audit log). */
    public Operator add(Operator operator, char[] password, String by) {
        try {
            requireStrongEnough(password);
            PasswordHasher.Hashed h = hasher.hash(password);
            return db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO operator (name, display_name, role, salt, hash, iterations)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, operator.name());
                    p.setString(2, operator.displayName());
                    p.setString(3, operator.role().name());
                    p.setBytes(4, h.salt());
                    p.setBytes(5, h.hash());
                    p.setInt(6, h.iterations());
                    p.executeUpdate();
                } catch (SQLException e) {
                    if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                        throw new IllegalArgumentException("operator " + operator.name() + " already exists");
                    }
                    throw e;
                }
                audit.record(c, by, "operator.add", operator.name() + " as " + operator.role());
                return operator;
            });
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Checks a name and password; locks the account after {@link #MAX_FAILED_ATTEMPTS} wrong passwords. */
    public SignInResult signIn(String name, char[] password) {
        try {
            Optional<Stored> stored = find(name);
            if (stored.isEmpty() || !stored.get().operator().active()) {
                PasswordHasher.matches(password, dummy);
                db.inTransaction(c -> {
                    audit.record(c, name, "signin.rejected", "unknown or inactive operator");
                    return null;
                });
                return new SignInResult.Rejected(MAX_FAILED_ATTEMPTS);
            }
            Stored s = stored.get();
            Instant now = clock.instant();
            if (s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
                return new SignInResult.Locked(s.lockedUntil());
            }
            if (PasswordHasher.matches(password, s.hash())) {
                db.inTransaction(c -> {
                    update(c, name, 0, null);
                    audit.record(c, name, "signin", s.operator().role().name());
                    return null;
                });
                return new SignInResult.SignedIn(s.operator());
            }
            int failed = s.failedAttempts() + 1;
            Instant lockedUntil = failed >= MAX_FAILED_ATTEMPTS ? now.plus(LOCK_TIME) : null;
            db.inTransaction(c -> {
                update(c, name, lockedUntil == null ? failed : 0, lockedUntil);
                audit.record(c, name, lockedUntil == null ? "signin.rejected" : "signin.locked", "attempt " + failed);
                return null;
            });
            return lockedUntil == null ? new SignInResult.Rejected(MAX_FAILED_ATTEMPTS - failed) : new SignInResult.Locked(lockedUntil);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Sets a new password (and unlocks the account). */
    public void changePassword(String name, char[] newPassword, String by) {
        try {
            requireStrongEnough(newPassword);
            PasswordHasher.Hashed h = hasher.hash(newPassword);
            db.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement("UPDATE operator SET salt = ?, hash = ?, iterations = ?,"
                        + " failed_attempts = 0, locked_until = NULL WHERE name = ?")) {
                    p.setBytes(1, h.salt());
                    p.setBytes(2, h.hash());
                    p.setInt(3, h.iterations());
                    p.setString(4, name);
                    if (p.executeUpdate() != 1) {
                        throw new IllegalArgumentException("no operator " + name);
                    }
                }
                audit.record(c, by, "operator.password", name);
                return null;
            });
        } finally {
            Arrays.fill(newPassword, '\0');
        }
    }

    /** Deactivates an account (it is kept for the audit trail, never deleted). */
    public void deactivate(String name, String by) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE operator SET active = 0 WHERE name = ?")) {
                p.setString(1, name);
                if (p.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no operator " + name);
                }
            }
            audit.record(c, by, "operator.deactivate", name);
            return null;
        });
    }

    /** Unlocks an account locked by wrong passwords, before {@link #LOCK_TIME} is over; the password stays. */
    public void unlock(String name, String by) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE operator SET failed_attempts = 0, locked_until = NULL WHERE name = ?")) {
                p.setString(1, name);
                if (p.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no operator " + name);
                }
            }
            audit.record(c, by, "operator.unlock", name);
            return null;
        });
    }

    public List<Operator> list() {
        return db.inTransaction(c -> {
            List<Operator> out = new ArrayList<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, display_name, role, active FROM operator ORDER BY name")) {
                while (rs.next()) {
                    out.add(new Operator(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4) == 1));
                }
            }
            return out;
        });
    }

    private record Stored(Operator operator, PasswordHasher.Hashed hash, int failedAttempts, Instant lockedUntil) {
    }

    private Optional<Stored> find(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT display_name, role, active, salt, hash, iterations, failed_attempts,"
                    + " locked_until FROM operator WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Operator op = new Operator(name, rs.getString(1), Role.valueOf(rs.getString(2)), rs.getInt(3) == 1);
                    String locked = rs.getString(8);
                    return Optional.of(new Stored(op, new PasswordHasher.Hashed(rs.getBytes(4), rs.getBytes(5), rs.getInt(6)),
                            rs.getInt(7), locked == null ? null : Instant.parse(locked)));
                }
            }
        });
    }

    private static void update(java.sql.Connection c, String name, int failed, Instant lockedUntil) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE name = ?")) {
            p.setInt(1, failed);
            p.setString(2, lockedUntil == null ? null : lockedUntil.toString());
            p.setString(3, name);
            p.executeUpdate();
        }
    }

    private static void requireStrongEnough(char[] password) {
        if (password.length < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
    }

}
