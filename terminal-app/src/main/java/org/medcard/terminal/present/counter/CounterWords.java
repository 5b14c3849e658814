package org.medcard.terminal.present.counter;

/**
 * The terminal's own words the counter shows (card statuses, the sale's refusals, family relations), in the
 * configured language, and the one rule of the sale policy the card panel needs.
 */
public interface CounterWords {

    /** The text for a message key of the terminal's catalogue (the key itself if missing). */
    String message(String key, Object... args);

    /** A family relation (R3, 1101 {@code family.relation}) by name; unknown codes as sent, blank as "". */
    String relationName(String relation);

    /**
     * Why the pooling fund pays nothing for this card today, in words with its rule (R3, R4, R6, R11, R12), or
     * empty when the fund may pay (issue 15: "fund pays 0" with its reason on the split).
     */
    java.util.Optional<String> noPoolingReason(org.medcard.terminal.session.CardView card, boolean forFamily);

    /** R3: whether family payment is offered for this scheme (and only online). */
    boolean familyPaymentOffered(String scheme, boolean online);
}
