package org.medcard.terminal.present.rejected;

/**
 * One line of the rejected-messages list, in the terminal's language, card numbers masked.
 *
 * @param msgid      the rejected message (the key of the actions)
 * @param line       what was rejected and when
 * @param reason     what the center said
 * @param resolution what was done about it
 */
public record RejectedRow(String msgid, String line, String reason, String resolution, boolean needsSupervisor, boolean canResend,
                          boolean canReverse, boolean canMarkHandled) {
}
