package org.medcard.terminal.center;

/**
 * A re-settlement entry as the center lists it ({@code 8402}): registered by any counter of the institution.
 *
 * @param itemsJson the items as registered (JSON array of code, qty, price)
 * @param status    OPEN, SETTLED or EXPIRED at the center
 */
public record RegisteredEntry(String entryNo, String fault, String originalTime, String psnCertNo, String itemsJson,
                              long cashPaidFen, String status, String setlId) {
}
