package org.medcard.terminal.center;

/**
 * Host {@code 2103}: a voided settlement. The account share comes back as a pending load (R2), never as cash.
 *
 * @param loadId the pending load that returns the account share, or null
 */
public record SettlementCancelled(long refundAcctFen, long refundFundFen, String loadId) {
}
