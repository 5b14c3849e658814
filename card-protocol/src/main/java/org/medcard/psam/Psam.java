package org.medcard.psam;

import org.medcard.crypto.Algorithm;

/**
 * The terminal's secure access module, as a purchase uses it. Implemented by {@link PsamClient} (a PSAM
 * card in a reader slot) and {@link SoftPsam} (keys from a file, for development and training).
 *
 * <p>Failures: a PSAM that does not answer throws {@link org.medcard.transport.CardFault}; a PSAM that
 * answers "no" (unknown key version {@code 9403}, no session {@code 6985}) throws
 * {@link org.medcard.apdu.CardRefusal}. Expected answers ("MAC2 wrong") are return values.
 *
 * <p>Not thread-safe: it holds one purchase session between {@link #initSamForPurchase} and
 * {@link #creditSamForPurchase}. Use it from the reader's thread only.
 */
public interface Psam {

    /** The terminal id this PSAM signs for (it goes into INITIALIZE FOR PURCHASE and MAC1). */
    TerminalId terminalId();

    /** True for a software PSAM: the terminal must show TRAINING MODE on screen and receipts. */
    default boolean isSoftware() {
        return false;
    }

    /**
     * INIT SAM FOR PURCHASE: takes the next terminal sequence number (never reused) and computes MAC1,
     * keeping the session key to check MAC2.
     */
    SamPurchaseProof initSamForPurchase(SamPurchaseRequest request);

    /** CREDIT SAM FOR PURCHASE: whether the card's MAC2 is right for the current session; ends the session. */
    boolean creditSamForPurchase(byte[] mac2);

    /** VERIFY TAC: whether a purchase TAC is right (used after tearing recovery, by the center and by tests). */
    boolean verifyTac(TacCheck check);

    /**
     * MAC FOR APPLICATION BLOCK: the MAC for {@code 84 1E 00 P2 04} chained from the card's GET CHALLENGE.
     *
     * @param algorithm  the card's algorithm (from its FCI), used by a software PSAM to pick the key
     * @param keyVersion the card's key version, likewise
     * @param p2         {@code 00} temporary, {@code 01} permanent
     */
    byte[] macForApplicationBlock(Algorithm algorithm, int keyVersion, byte[] diversification, byte[] challenge, int p2);
}
