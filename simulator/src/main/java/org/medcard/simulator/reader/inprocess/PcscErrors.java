package org.medcard.simulator.reader.inprocess;

import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import org.medcard.simulator.reader.SlotFault;

/**
 * Slot faults as the JDK's PC/SC provider reports them: a {@link CardException} whose message and cause
 * carry the PC/SC error name, so code that maps real reader errors handles the simulated ones the same way.
 */
final class PcscErrors {

    static final String REMOVED_CARD = "SCARD_W_REMOVED_CARD";
    static final String NO_SMARTCARD = "SCARD_E_NO_SMARTCARD";
    static final String UNRESPONSIVE_CARD = "SCARD_W_UNRESPONSIVE_CARD";
    static final String READER_UNAVAILABLE = "SCARD_E_READER_UNAVAILABLE";
    static final String PROTO_MISMATCH = "SCARD_E_PROTO_MISMATCH";

    private PcscErrors() {
    }

    static String code(SlotFault fault) {
        return switch (fault.kind()) {
            case NO_CARD -> REMOVED_CARD;
            case MUTE -> UNRESPONSIVE_CARD;
            case READER_UNPLUGGED -> READER_UNAVAILABLE;
        };
    }

    /** The exception for a failed operation ({@code "transmit()"}, {@code "connect()"}...). */
    static CardException of(String operation, String code, String detail) {
        return new CardException(operation + " failed: " + code + " (" + detail + ")", new CardException(code));
    }

    static CardException of(String operation, SlotFault fault) {
        return of(operation, code(fault), fault.getMessage());
    }

    static CardNotPresentException notPresent(String operation, String terminal) {
        return new CardNotPresentException(operation + " failed: no card present in " + terminal + " (" + NO_SMARTCARD + ")",
                new CardException(NO_SMARTCARD));
    }
}
