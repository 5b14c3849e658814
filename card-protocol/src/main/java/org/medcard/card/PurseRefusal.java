package org.medcard.card;

import java.util.Arrays;
import java.util.Optional;

import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.ResponseApdu;
import org.medcard.apdu.StatusWord;

/**
 * The card refused a purse command for a reason the terminal expects and shows: a {@link CardRefusal}
 * whose status word is mapped to a {@link Reason}.
 */
public class PurseRefusal extends CardRefusal {

    /** The expected purse refusals of the card specification. */
    public enum Reason {
        /** {@code 9401}. */
        INSUFFICIENT_BALANCE(0x9401),
        /** {@code 6985}: wrong order, status not NORMAL/SUSPENDED, or PIN not verified. */
        CONDITIONS_NOT_SATISFIED(0x6985),
        /** {@code 9302}: MAC1 (purchase) or MAC2 (load) invalid; the card counts these and blocks after 3. */
        MAC_INVALID(0x9302),
        /** {@code 9402}. */
        COUNTER_AT_MAXIMUM(0x9402),
        /** {@code 9403}. */
        KEY_INDEX_NOT_SUPPORTED(0x9403);

        private final int sw;

        Reason(int sw) {
            this.sw = sw;
        }

        static Optional<Reason> of(StatusWord sw) {
            return Arrays.stream(values()).filter(r -> r.sw == sw.value()).findFirst();
        }
    }

    private final Reason reason;

    public PurseRefusal(String command, StatusWord sw, Reason reason) {
        super(command, sw);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Returns a {@code 9000} response; throws a PurseRefusal for the expected refusals, a CardRefusal otherwise. */
    static ResponseApdu check(ResponseApdu response, String command) {
        if (!response.isSuccess()) {
            Optional<Reason> reason = Reason.of(response.sw());
            if (reason.isPresent()) {
                throw new PurseRefusal(command, response.sw(), reason.get());
            }
        }
        return CardRefusal.check(response, command);
    }
}
