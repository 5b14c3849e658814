package org.medcard.terminal.operator;

import java.time.Instant;

/** The answer to a sign-in attempt. */
public sealed interface SignInResult {

    record SignedIn(Operator operator) implements SignInResult {
    }

    /** Wrong name or password; {@code attemptsLeft} before the account locks. */
    record Rejected(int attemptsLeft) implements SignInResult {
    }

    /** Too many wrong passwords: the account is locked until {@code until} (or a supervisor unlocks it). */
    record Locked(Instant until) implements SignInResult {
    }
}
