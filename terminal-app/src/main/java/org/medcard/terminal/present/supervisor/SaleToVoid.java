package org.medcard.terminal.present.supervisor;

import java.time.LocalDateTime;

/**
 * A settled sale of today as the void list shows it, read from its receipt in the journal.
 *
 * @param receiptId  the receipt's number in the journal
 * @param kind       the receipt's kind ({@code sale-receipt}, {@code registration-slip}, {@code resettlement-receipt})
 * @param cardMasked the card number masked as on the receipt
 * @param holder     the card holder's name as on the receipt
 */
public record SaleToVoid(long receiptId, String kind, String setlId, LocalDateTime at, long totalFen, long fundFen, long acctFen,
                         long cashFen, String cardMasked, String holder) {
}
