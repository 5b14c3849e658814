package org.medcard.tlv;

import org.medcard.apdu.MalformedResponseException;

/**
 * BER-TLV bytes that cannot be parsed: truncated tag or length, a length beyond the data, an indefinite
 * or oversized length, data after the padding. A malformed card answer, hence a fault.
 */
public class TlvException extends MalformedResponseException {

    private final int offset;

    public TlvException(String message, int offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    /** Where in the parsed bytes the problem was found. */
    public int offset() {
        return offset;
    }
}
