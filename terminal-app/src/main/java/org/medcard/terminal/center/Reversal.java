package org.medcard.terminal.center;

/**
 * Host {@code 2601}: whether the unanswered settlement was undone.
 *
 * @param reason when not reversed: {@code NOT_RECEIVED}, {@code NOT_APPLIED} or the settlement's status, else null
 * @param loadId the pending load that returns the account share (R2), or null
 */
public record Reversal(boolean reversed, String reason, String setlId, long refundAcctFen, String loadId) {
}
