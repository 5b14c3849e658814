package org.medcard.card;

import java.time.LocalDateTime;
import java.util.Objects;

import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.TerminalId;

/**
 * One record of the card's transaction log (SFI 04).
 *
 * @param counter the offline counter (purchases) or online counter (loads) of that transaction
 */
public record TransactionLogRecord(int counter, long amount, TransactionType type, TerminalId terminalId,
                                   LocalDateTime dateTime) {

    public TransactionLogRecord {
        PurseCrypto.u16(counter);
        PurseCrypto.u32(amount);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(dateTime, "dateTime");
    }
}
