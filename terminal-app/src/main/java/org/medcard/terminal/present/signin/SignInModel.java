package org.medcard.terminal.present.signin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.SignInResult;
import org.medcard.terminal.operator.TrainingOperators;
import org.medcard.terminal.text.Texts;

/**
 * Signs an operator in against {@link Operators} (PBKDF2: checked on the worker, not on the UI thread). The
 * password arrives as {@code char[]}; {@link Operators#signIn} wipes it, and the model wipes it when it never
 * gets that far.
 */
public final class SignInModel {

    public static final String BUNDLE = "org.medcard.terminal.present.signin.signin";

    private final Operators operators;
    private final boolean trainingMode;
    private final Executor worker;
    private final Executor ui;
    private final SignInView view;
    private final Texts texts;
    private final ZoneId zone;

    public SignInModel(Operators operators, boolean trainingMode, ZoneId zone, Executor worker, Executor ui,
                       SignInView view, Texts texts) {
        this.operators = operators;
        this.trainingMode = trainingMode;
        this.zone = zone;
        this.worker = worker;
        this.ui = ui;
        this.view = view;
        this.texts = texts;
    }

    /** Lines the sign-in screen shows under the fields: the training accounts, or nothing on a real terminal. */
    public List<String> trainingHints() {
        if (!trainingMode) {
            return List.of();
        }
        return TrainingOperators.ACCOUNTS.stream()
                .map(a -> texts.text("training.account", a.name(), a.password(), texts.text("role." + a.role().name())))
                .toList();
    }

    public void signIn(String name, char[] password) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || password == null || password.length == 0) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            view.showMessage(texts.text(n.isEmpty() ? "name_missing" : "password_missing"));
            return;
        }
        view.busy(true);
        worker.execute(() -> {
            SignInResult r;
            try {
                r = operators.signIn(n, password);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    view.busy(false);
                    view.showMessage(texts.text("store_failed", e.getMessage()));
                });
                return;
            }
            SignInResult result = r;
            ui.execute(() -> {
                view.busy(false);
                answer(result);
            });
        });
    }

    private void answer(SignInResult r) {
        if (r instanceof SignInResult.SignedIn s) {
            view.signedIn(s.operator());
        } else if (r instanceof SignInResult.Rejected rej) {
            view.showMessage(texts.text("rejected", rej.attemptsLeft()));
        } else if (r instanceof SignInResult.Locked l) {
            view.showMessage(texts.text("locked", DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(l.until())));
        }
    }
}
