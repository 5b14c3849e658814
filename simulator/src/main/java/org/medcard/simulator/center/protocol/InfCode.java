package org.medcard.simulator.center.protocol;

/** The {@code infcode} values of host-protocol.md. */
public final class InfCode {
    public static final int OK = 0;
    public static final int MALFORMED = -1;
    public static final int NOT_SIGNED_IN = 1001;
    public static final int PERSON_NOT_FOUND = 2001;
    public static final int STATUS_FORBIDS = 2002;
    public static final int INSUFFICIENT_FUNDS = 2003;
    public static final int MSGID_CONTENT_DIFFERS = 2004;
    public static final int RECORD_REJECTED = 2005;
    public static final int RECONCILIATION_MISMATCH = 3001;
    public static final int INTERNAL_ERROR = 9999;

    private InfCode() {
    }
}
