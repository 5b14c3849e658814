package org.medcard.card;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A debit about to be sent: the intent, the terminal sequence the PSAM took for it, and the date and
 * time in the command. The terminal journals this before DEBIT FOR PURCHASE goes out, so that after a
 * tear it can ask GET TRANSACTION PROVE with {@code intent().offlineCounter()} and, if the card did debit,
 * complete the sale with the right terminal sequence ({@link MedicalCard#recoverPurchase}).
 */
public record PendingDebit(PurchaseIntent intent, long terminalSeq, LocalDateTime dateTime) {

    public PendingDebit {
        Objects.requireNonNull(intent, "intent");
        if (terminalSeq < 0 || terminalSeq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("terminal sequence out of 32 bits: " + terminalSeq);
        }
        dateTime = Objects.requireNonNull(dateTime, "dateTime").truncatedTo(ChronoUnit.SECONDS);
    }
}
