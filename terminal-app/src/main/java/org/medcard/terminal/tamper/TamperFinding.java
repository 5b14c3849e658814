package org.medcard.terminal.tamper;

/**
 * One tamper finding as a supervisor sees it.
 *
 * @param id             its number (the audit-log line that recorded it when it was first found)
 * @param what           what was found changed, naming the table and row (e.g. "offline_debit … does not match its HMAC (edited)")
 * @param foundAt        when the terminal first found it (ISO instant)
 * @param acknowledgedBy the supervisor who acknowledged it, or null
 * @param acknowledgedAt when, or null
 * @param note           the supervisor's note, or null
 * @param stillFound     whether the last check still finds it (an acknowledged edited row is resealed and no longer is)
 */
public record TamperFinding(long id, String what, String foundAt, String acknowledgedBy, String acknowledgedAt, String note,
                            boolean stillFound) {

    /** Open findings stop forwarding until acknowledged. */
    public enum Status { OPEN, ACKNOWLEDGED, NO_LONGER_FOUND }

    public Status status() {
        if (acknowledgedBy != null) {
            return Status.ACKNOWLEDGED;
        }
        return stillFound ? Status.OPEN : Status.NO_LONGER_FOUND;
    }
}
