package org.medcard.terminal.operator;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Managing operator accounts (the {@code medcard operator} commands and, later, the desktop's settings): who may
 * do it and the checks around it. Once any supervisor account exists, every change needs a supervisor's name and
 * password, checked with {@link Operators#signIn} so wrong passwords count towards the lock-out; before that, only
 * the first supervisor may be created, without credentials (a fresh terminal has nobody to ask). The last active
 * supervisor cannot be disabled — nobody could manage the accounts afterwards. Every change and every refusal is in
 * the audit log; passwords arrive as {@code char[]} and are wiped here whatever happens.
 */
public final class OperatorAdmin {

    /** Who authorises a change: an operator's name and password (wiped after use). */
    public record Credentials(String name, char[] password) {
        public Credentials {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
        }

        void wipe() {
            Arrays.fill(password, '\0');
        }
    }

    /** How a change ended: done, or refused with a reason for the person at the keyboard. */
    public record Result(boolean done, String message) {
        static Result done(String message) {
            return new Result(true, message);
        }

        static Result refused(String message) {
            return new Result(false, message);
        }
    }

    private final Operators operators;
    private final AuditLog audit;
    private final Clock clock;

    public OperatorAdmin(Operators operators, AuditLog audit, Clock clock) {
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a supervisor account exists (active or not): from then on every change needs one's credentials. */
    public boolean supervisorExists() {
        return operators.list().stream().anyMatch(o -> o.role() == Role.SUPERVISOR);
    }

    /** Adds an account; {@code supervisor} may be null only for the first supervisor of the terminal. */
    public Result add(Operator operator, char[] password, Credentials supervisor) {
        try {
            boolean firstSupervisor = supervisor == null && operator.role() == Role.SUPERVISOR && !supervisorExists();
            String target = operator.name() + " as " + operator.role();
            return authorised(supervisor, firstSupervisor, "add " + target, by -> {
                operators.add(operator, password, by);
                return "operator " + target + " added";
            });
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Deactivates an account (kept for the audit trail); never the last active supervisor. */
    public Result disable(String name, Credentials supervisor) {
        return authorised(supervisor, false, "disable " + name, by -> {
            Operator target = existing(name);
            if (target.role() == Role.SUPERVISOR && target.active() && activeSupervisors() == 1) {
                throw new IllegalArgumentException("operator " + name + " is the last active supervisor: add or enable another first");
            }
            operators.deactivate(name, by);
            return "operator " + name + " disabled";
        });
    }

    public Result enable(String name, Credentials supervisor) {
        return authorised(supervisor, false, "enable " + name, by -> {
            existing(name);
            operators.activate(name, by);
            return "operator " + name + " enabled";
        });
    }

    /** Lifts a lock-out after too many wrong passwords before it runs out. */
    public Result unlock(String name, Credentials supervisor) {
        return authorised(supervisor, false, "unlock " + name, by -> {
            existing(name);
            operators.unlock(name, by);
            return "operator " + name + " unlocked";
        });
    }

    /**
     * Sets a new password. Authorised by a supervisor, or by the operator's own current password
     * ({@code credentials.name()} equal to {@code name}).
     */
    public Result changePassword(String name, char[] newPassword, Credentials credentials) {
        try {
            if (credentials != null && credentials.name().equals(name)) {
                return ownPassword(name, newPassword, credentials);
            }
            return authorised(credentials, false, "passwd " + name, by -> {
                existing(name);
                operators.changePassword(name, newPassword, by);
                return "password of " + name + " changed";
            });
        } finally {
            Arrays.fill(newPassword, '\0');
        }
    }

    private Result ownPassword(String name, char[] newPassword, Credentials own) {
        try {
            SignInResult r = operators.signIn(own.name(), own.password());
            if (!(r instanceof SignInResult.SignedIn)) {
                return refuse(name, "passwd " + name, describe(r));
            }
            return attempt(name, "passwd " + name, () -> {
                operators.changePassword(name, newPassword, name);
                return "password of " + name + " changed";
            });
        } finally {
            own.wipe();
        }
    }

    /** A change that may throw {@link IllegalArgumentException} (unknown operator, weak password, …). */
    private interface Change {
        String apply(String by);
    }

    private Result authorised(Credentials supervisor, boolean withoutCredentials, String what, Change change) {
        try {
            if (supervisor == null) {
                if (withoutCredentials) {
                    return attempt("setup", what, () -> change.apply("setup"));
                }
                return refuse("(none)", what, supervisorExists()
                        ? "a supervisor's name and password are needed (--supervisor NAME)"
                        : "no supervisor exists yet: create the first one (role SUPERVISOR) first");
            }
            SignInResult r = operators.signIn(supervisor.name(), supervisor.password());
            if (!(r instanceof SignInResult.SignedIn in)) {
                return refuse(supervisor.name(), what, describe(r));
            }
            if (in.operator().role() != Role.SUPERVISOR) {
                return refuse(supervisor.name(), what, supervisor.name() + " is a " + in.operator().role() + ", not a supervisor");
            }
            return attempt(supervisor.name(), what, () -> change.apply(supervisor.name()));
        } finally {
            if (supervisor != null) {
                supervisor.wipe();
            }
        }
    }

    private Result attempt(String by, String what, Supplier<String> change) {
        try {
            return Result.done(change.get());
        } catch (IllegalArgumentException e) {
            return refuse(by, what, e.getMessage());
        }
    }

    private Result refuse(String by, String what, String reason) {
        audit.record(by, "operator.refused", what + ": " + reason);
        return Result.refused(reason);
    }

    private String describe(SignInResult r) {
        if (r instanceof SignInResult.Locked l) {
            return "account locked until " + l.until().atZone(clock.getZone()).toLocalDateTime().withNano(0);
        }
        return "wrong name or password";
    }

    private Operator existing(String name) {
        return operators.list().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operator " + name));
    }

    private long activeSupervisors() {
        return operators.list().stream().filter(o -> o.role() == Role.SUPERVISOR && o.active()).count();
    }
}
