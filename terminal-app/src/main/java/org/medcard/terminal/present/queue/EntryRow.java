package org.medcard.terminal.present.queue;

import java.util.Optional;

/**
 * One line of the re-settlement list. The ID number is masked here: the screen never shows it in full.
 *
 * @param entryNo      the number printed on the patient's cash receipt
 * @param open         whether it can be re-settled now
 * @param stateText    OPEN / SETTLED / REJECTED / EXPIRED in the terminal's language
 * @param idMasked     the recorded ID number, masked (110***********0017)
 * @param cashPaidText the cash the patient paid, in yuan
 * @param local        recorded at this counter (else another counter of the institution recorded it)
 * @param reason       why REJECTED or EXPIRED, as the queue or the center says; empty otherwise
 */
public record EntryRow(String entryNo, boolean open, String state, String stateText, String originalTime, String idMasked,
                       long cashPaidFen, String cashPaidText, boolean local, Optional<String> reason) {
}
