package org.medcard.terminal.center;

import java.util.Optional;

import org.medcard.terminal.status.CardStatus;

/**
 * The center answered, and the answer was "no" (an {@code infcode} other than 0): a refusal to show the
 * cashier, never retried with the same content.
 */
public class CenterRefusal extends RuntimeException {
    private final String infno;
    private final long infcode;
    private final String centerMessage;
    private final String psnStatus;

    public CenterRefusal(String infno, long infcode, String centerMessage, String psnStatus) {
        super("center refused " + infno + ": infcode " + infcode + (centerMessage == null ? "" : " (" + centerMessage + ")"));
        this.infno = infno;
        this.infcode = infcode;
        this.centerMessage = centerMessage;
        this.psnStatus = psnStatus;
    }

    public String infno() {
        return infno;
    }

    public long infcode() {
        return infcode;
    }

    public String centerMessage() {
        return centerMessage;
    }

    /** For infcode 2002: the center's word for the card status that forbade it ({@code psn_status}), or null. */
    public String psnStatus() {
        return psnStatus;
    }

    /**
     * For infcode 2002: the card status that forbade it; empty when the center named none.
     *
     * @throws MalformedAnswer for a status word the status table does not know
     */
    public Optional<CardStatus> cardStatus() {
        if (psnStatus == null) {
            return Optional.empty();
        }
        return Optional.of(StatusWords.status(psnStatus)
                .orElseThrow(() -> new MalformedAnswer(infno, "psn_status", "unknown value '" + psnStatus + "'")));
    }
}
