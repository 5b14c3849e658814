package org.medcard.terminal.present.supervisor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;

/**
 * Operator management for a supervisor: list, add, disable (kept for the audit trail, never deleted), enable again, unlock,
 * reset a password. Each change is audited by {@link Operators} in its own transaction, naming the supervisor.
 * Passwords arrive as {@code char[]} and are wiped here or by {@link Operators}.
 *
 * <p>Threads: public methods on the UI thread (where the signed-in operator is read); the store and the password hashing (deliberately slow) run on
 * {@code worker}.
 */
public final class OperatorsModel {
    private final Operators operators;
    private final Supplier<Operator> signedIn;
    private final OperatorsView view;
    private final Texts texts;
    private final Work work;

    public OperatorsModel(Operators operators, Supplier<Operator> signedIn, Locale language, OperatorsView view, Executor worker, Executor ui) {
        this.operators = operators;
        this.signedIn = signedIn;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, language);
        this.work = new Work(view, worker, ui, texts);
    }

    public void refresh() {
        if (allowed()) {
            work.run(texts.text("busy.operators"), this::rows, view::showOperators);
        }
    }

    /** Adds an operator; both password arrays are wiped. */
    public void add(String name, String displayName, Role role, char[] password, char[] repeat) {
        try {
            if (!allowed() || !passwordsUsable(password, repeat)) {
                return;
            }
            Operator op;
            try {
                op = new Operator(name == null ? "" : name.trim(), displayName, role, true);
            } catch (IllegalArgumentException e) {
                view.showMessage(texts.text("refused", e.getMessage()));
                return;
            }
            char[] pw = password.clone();
            String by = signedIn.get().name();
            work.run(texts.text("busy.operators"), () -> {
                operators.add(op, pw, by);
                return rows();
            }, rows -> {
                view.showOperators(rows);
                view.showDone(texts.text("operator.added", op.name(), texts.text("role." + op.role().name())));
            });
        } finally {
            wipe(password, repeat);
        }
    }

    public void disable(String name) {
        if (!allowed() || name == null) {
            return;
        }
        if (name.equals(signedIn.get().name())) {
            view.showMessage(texts.text("operator.not_yourself"));
            return;
        }
        if (!view.confirm(texts.text("operator.confirm_disable", name))) {
            return;
        }
        String by = signedIn.get().name();
        change(name, () -> operators.deactivate(name, by), texts.text("operator.disabled", name));
    }

    /** Enables a disabled operator again (issue 15): the same account, password and history; audited like disable. */
    public void enable(String name) {
        if (allowed() && name != null) {
            String by = signedIn.get().name();
            change(name, () -> operators.activate(name, by), texts.text("operator.enabled", name));
        }
    }

    public void unlock(String name) {
        if (allowed() && name != null) {
            String by = signedIn.get().name();
            change(name, () -> operators.unlock(name, by), texts.text("operator.unlocked", name));
        }
    }

    /** Sets a new password for {@code name} (and unlocks the account); both arrays are wiped. */
    public void resetPassword(String name, char[] password, char[] repeat) {
        try {
            if (!allowed() || name == null || !passwordsUsable(password, repeat)) {
                return;
            }
            char[] pw = password.clone();
            String by = signedIn.get().name();
            change(name, () -> operators.changePassword(name, pw, by), texts.text("operator.password_set", name));
        } finally {
            wipe(password, repeat);
        }
    }

    private void change(String name, Runnable action, String done) {
        work.run(texts.text("busy.operators"), () -> {
            action.run();
            return rows();
        }, rows -> {
            view.showOperators(rows);
            view.showDone(done);
        });
    }

    private boolean allowed() {
        if (signedIn.get().role().covers(Role.SUPERVISOR)) {
            return true;
        }
        view.showMessage(texts.text("supervisor_only"));
        return false;
    }

    private boolean passwordsUsable(char[] password, char[] repeat) {
        if (password == null || repeat == null || !Arrays.equals(password, repeat)) {
            view.showMessage(texts.text("password.differs"));
            return false;
        }
        if (password.length < 8) {
            view.showMessage(texts.text("password.short"));
            return false;
        }
        return true;
    }

    private List<OperatorRow> rows() {
        return operators.list().stream().map(o -> new OperatorRow(o.name(), o.displayName(), o.role(), texts.text("role." + o.role().name()),
                o.active(), texts.text(o.active() ? "operator.active" : "operator.inactive"))).toList();
    }

    private static void wipe(char[]... arrays) {
        for (char[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, '\0');
            }
        }
    }
}
