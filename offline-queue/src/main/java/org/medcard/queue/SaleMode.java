package org.medcard.queue;

/** How a sale's personal-account share reaches the center. */
public enum SaleMode {
    /** Center reachable: settled at once with host 2102/2207 (the message is queued before it is sent). */
    ONLINE,
    /** R11 case 1: debited from the card offline, uploaded later in a host 8301 batch. */
    OFFLINE,
    /**
     * R11 case 3: the returning patient's personal-account share of a re-settlement entry, debited from the card
     * and settled with host 8401 carrying the purse record (the message is queued with the TAC, before it is sent).
     */
    RESETTLE
}
