package org.medcard.terminal.center;

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

    /** For infcode 2002: which card status forbade it. */
    public String psnStatus() {
        return psnStatus;
    }
}
