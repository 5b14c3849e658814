package org.medcard.terminal.present.supervisor;

import org.medcard.terminal.operator.Role;

/** One operator in the list, with the role and state in the terminal's language. */
public record OperatorRow(String name, String displayName, Role role, String roleText, boolean active, String stateText) {
}
