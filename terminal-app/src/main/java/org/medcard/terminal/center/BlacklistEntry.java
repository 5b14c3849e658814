package org.medcard.terminal.center;

import java.time.LocalDate;

import org.medcard.terminal.status.CardStatus;

/** Host {@code 8101}: one card's blacklist status; {@code NORMAL} removes it from the list. */
public record BlacklistEntry(String cardNo, String psnStatus, LocalDate since) {

    /**
     * The listed status, read from the center's word.
     *
     * @throws MalformedAnswer for a status word the status table does not know
     */
    public CardStatus status() {
        return StatusWords.status(psnStatus)
                .orElseThrow(() -> new MalformedAnswer("8101", "psn_status", "unknown value '" + psnStatus + "'"));
    }
}
