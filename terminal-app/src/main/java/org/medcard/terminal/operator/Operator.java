package org.medcard.terminal.operator;

/** A local operator account (the password hash never leaves the store). */
public record Operator(String name, String displayName, Role role, boolean active) {
    public Operator {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{2,32}")) {
            throw new IllegalArgumentException("operator name must be 2–32 letters, digits, '.', '_' or '-': " + name);
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("operator needs a display name");
        }
        if (role == null) {
            throw new IllegalArgumentException("operator needs a role");
        }
    }
}
