package org.medcard.terminal.status;

import java.time.LocalDate;

import org.medcard.card.CancelReason;

/**
 * What one source (the card, the blacklist, or the center) says about a card.
 *
 * @param since the date the status took effect ({@code suspended_since} for R4); may be null when unknown
 * @param reason the cancel reason for {@link CardStatus#CANCELLED} (null when the source does not say, e.g. the blacklist), else null
 */
public record StatusReport(Source source, CardStatus status, CancelReason reason, LocalDate since) {

    /** The three sources, weakest first: "the strongest available source wins". */
    public enum Source {
        CARD,
        BLACKLIST,
        CENTER
    }

    public StatusReport {
        if (source == null || status == null) {
            throw new IllegalArgumentException("source and status are required");
        }
        if (reason != null && status != CardStatus.CANCELLED) {
            throw new IllegalArgumentException("a cancel reason goes with CANCELLED only");
        }
    }

    public static StatusReport of(Source source, CardStatus status) {
        return new StatusReport(source, status, null, null);
    }
}
