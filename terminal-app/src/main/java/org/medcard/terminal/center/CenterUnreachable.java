package org.medcard.terminal.center;

/**
 * No usable answer from the center (time-out, refused connection, HTTP 5xx, a dropped connection, an
 * answer that cannot be read): a fault under business rule R11, never a refusal.
 */
public class CenterUnreachable extends RuntimeException {
    private final String infno;

    public CenterUnreachable(String infno, String reason) {
        super("center did not answer " + infno + ": " + reason);
        this.infno = infno;
    }

    public String infno() {
        return infno;
    }
}
