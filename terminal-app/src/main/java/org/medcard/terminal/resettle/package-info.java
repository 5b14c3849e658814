/**
 * Re-settlement after a fault (R11 cases 3 and 4): registering the cash-paid entries with the center once the
 * fault is cleared ({@code 8400}), listing the institution's entries ({@code 8402}), and settling an entry
 * when the patient is back with the card ({@code 8401}), with the insured shares refunded in cash. Entries
 * end SETTLED, REJECTED or EXPIRED and are never deleted (the offline queue keeps them).
 */
package org.medcard.terminal.resettle;
