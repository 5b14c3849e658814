package org.medcard.simulator.center.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The center understood the request and says no: an {@code infcode} other than 0 and -1, a message,
 * and optionally an output (e.g. {@code psn_status} for 2002). A refusal never leaves partial changes:
 * the transaction processor rolls the request's work back before storing the answer.
 */
public final class TxRefusal extends RuntimeException {
    private final int infcode;
    private final transient ObjectNode output;

    public TxRefusal(int infcode, String message) {
        this(infcode, message, null);
    }

    public TxRefusal(int infcode, String message, ObjectNode output) {
        super(message, null, false, false);
        if (infcode == InfCode.OK || infcode == InfCode.MALFORMED) {
            throw new IllegalArgumentException("a refusal needs a business infcode, not " + infcode);
        }
        this.infcode = infcode;
        this.output = output;
    }

    public int infcode() {
        return infcode;
    }

    /** The output to answer with, or {@code null}. */
    public ObjectNode output() {
        return output;
    }
}
