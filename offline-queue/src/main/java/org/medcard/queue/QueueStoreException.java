package org.medcard.queue;

import java.util.Objects;

/**
 * The queue could not do what was asked, and says why. When {@link #stopsWrites()} is true the queue refuses
 * every further write until it is reopened: better no new sale on this PC than a sale stored in a file that
 * cannot be trusted.
 */
public final class QueueStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The file is not a SQLite database, or SQLite found it damaged. */
        CORRUPT(true),
        /** The disk, or the configured database size bound, is full. */
        DISK_FULL(true),
        /** Another process holds the file (or the queue is already open). */
        LOCKED(false),
        /** Reading or writing the file failed at the operating-system level, or it is read-only. */
        IO_ERROR(true),
        /** A stored record cannot be parsed. */
        UNPARSEABLE_RECORD(true),
        /** The request contradicts what is stored (e.g. a card counter already used); nothing was written. */
        REFUSED(false),
        /** An earlier failure stopped writes; reopen the queue once the cause is fixed. */
        WRITES_STOPPED(true),
        /** An import file is not acceptable (masked, wrong format, broken chain); nothing was imported. */
        IMPORT_REJECTED(false);

        private final boolean stopsWrites;

        Reason(boolean stopsWrites) {
            this.stopsWrites = stopsWrites;
        }
    }

    private final Reason reason;

    public QueueStoreException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public QueueStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public boolean stopsWrites() {
        return reason.stopsWrites;
    }
}
