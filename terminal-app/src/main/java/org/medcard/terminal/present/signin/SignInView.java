package org.medcard.terminal.present.signin;

import org.medcard.terminal.operator.Operator;

/** The sign-in screen. Called on the UI thread. */
public interface SignInView {

    /** While the password is checked (hashing takes a moment): the view disables its fields. */
    void busy(boolean busy);

    /** A refusal or a hint the operator reads (wrong password, locked, name missing). */
    void showMessage(String text);

    /** Signed in: the shell switches to the operator's first screen and clears the password field. */
    void signedIn(Operator operator);
}
