package org.medcard.queue;

import java.time.Instant;

/**
 * A cash-paid sale to be re-settled (R11). Never deleted: it ends SETTLED, REJECTED or EXPIRED.
 *
 * @param entryNo      terminal id + local number, printed on the cash receipt
 * @param originalTime when the cash was paid, {@code yyyy-MM-dd HH:mm:ss} local (the service time)
 * @param registered   whether the center confirmed the 8400 registration
 * @param setlId       the center's settlement id once SETTLED
 * @param refundFen    fund + account share refunded to the patient in cash once SETTLED
 * @param reason       the center's reason when REJECTED, or why EXPIRED, or where it was SETTLED when at another counter
 * @param kind         pharmacy sale or outpatient visit (PHARMACY for entries recorded before v6)
 * @param acctPaidFen  what the card already paid offline for this sale ({@code totalFen - cashPaidFen}), 0 if nothing
 * @param offlineMsgid the msgid of the 8301 upload that carries that offline debit; null when nothing was paid offline
 */
public record ResettlementEntry(String entryNo, ResettlementState state, Fault fault, String originalTime,
                                String psnCertNo, String cashier, String itemsJson, long totalFen,
                                long cashPaidFen, boolean registered, String setlId, Long fundPayFen,
                                Long acctPayFen, Long refundFen, String reason, Instant createdAt,
                                EntryKind kind, long acctPaidFen, String offlineMsgid) {
}
