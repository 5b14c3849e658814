package org.medcard.apdu;

/**
 * The card (or PSAM) answered, and the answer was "no": a status word the caller did not accept.
 * Carries the status word and the command that got it, so a message can say what was tried.
 */
public class CardRefusal extends RuntimeException {
    private final StatusWord sw;
    private final String command;

    public CardRefusal(String command, StatusWord sw) {
        super(command + " refused: " + sw);
        this.sw = sw;
        this.command = command;
    }

    public StatusWord sw() {
        return sw;
    }

    /** What we tried, e.g. "INITIALIZE FOR PURCHASE". */
    public String command() {
        return command;
    }

    /**
     * Returns {@code response} if its status word is one of {@code allowed} (or {@code 9000} when none
     * are given), and throws a refusal naming {@code what} otherwise.
     */
    public static org.medcard.apdu.ResponseApdu check(org.medcard.apdu.ResponseApdu response, String what, int... allowed) {
        int sw = response.sw().value();
        if (allowed.length == 0) {
            if (sw == 0x9000) {
                return response;
            }
        } else {
            for (int a : allowed) {
                if (a == sw) {
                    return response;
                }
            }
        }
        throw new CardRefusal(what, response.sw());
    }
}
