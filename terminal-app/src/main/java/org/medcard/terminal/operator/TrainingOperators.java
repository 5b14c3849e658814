package org.medcard.terminal.operator;

import java.util.List;

/**
 * The accounts a TRAINING MODE terminal gets on its first start, so a new user can sign in and sell without
 * being told anything: the sign-in screen shows them. Only the composition root calls {@link #seedIfEmpty}, and
 * only in training mode (simulated devices or center); a real terminal's first supervisor is created by hand.
 * Passwords meet the same 8-character minimum as every account.
 */
public final class TrainingOperators {

    /** One training account as the sign-in screen shows it. */
    public record Account(String name, String password, Role role) {
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("cashier", "11111111", Role.CASHIER),
            new Account("supervisor", "22222222", Role.SUPERVISOR),
            new Account("technician", "33333333", Role.TECHNICIAN));

    private TrainingOperators() {
    }

    /**
     * Adds the training accounts when terminal.db has no operator at all (audited as by {@code training-setup}).
     *
     * @return true when they were added
     */
    public static boolean seedIfEmpty(Operators operators) {
        if (!operators.isEmpty()) {
            return false;
        }
        for (Account a : ACCOUNTS) {
            String display = a.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + a.name().substring(1) + " (training)";
            operators.add(new Operator(a.name(), display, a.role(), true), a.password().toCharArray(), "training-setup");
        }
        return true;
    }
}
