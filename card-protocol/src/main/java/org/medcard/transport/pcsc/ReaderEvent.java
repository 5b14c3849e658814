package org.medcard.transport.pcsc;

import java.util.Objects;

/**
 * Something that happened at one reader, as {@link ReaderWatch} saw it: the reader became usable or faulty, or a
 * card was presented or removed.
 *
 * @param reader the reader's name
 * @param kind what happened
 * @param reason for {@link Kind#READER_FAULT}, a plain sentence for the status bar (e.g. "card service stopped —
 *               reconnecting…"); otherwise a short description
 */
public record ReaderEvent(String reader, Kind kind, String reason) {

    public enum Kind {
        /** The reader answers (first seen, or back after a fault). */
        READER_OK,
        /** The service is down, or the reader unplugged: nothing can be read until a {@link #READER_OK}. */
        READER_FAULT,
        CARD_PRESENTED,
        CARD_REMOVED
    }

    /** The status-bar reason while the smart-card service is down and being reconnected. */
    public static final String SERVICE_STOPPED = "card service stopped \u2014 reconnecting\u2026";
    /** The status-bar reason while the reader is not connected. */
    public static final String READER_UNPLUGGED = "reader not connected \u2014 plug it in";

    public ReaderEvent {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }
}
