package org.medcard.terminal.present.counter;

/**
 * The cashier's answer to a {@link SplitOffer}.
 *
 * @param go          confirm (Enter) or go back (Esc)
 * @param tenderedFen the cash the patient handed over (0 when there is no cash share)
 */
public record SplitAnswer(boolean go, long tenderedFen) {

    public static SplitAnswer back() {
        return new SplitAnswer(false, 0);
    }

    public static SplitAnswer confirm(long tenderedFen) {
        return new SplitAnswer(true, tenderedFen);
    }
}
