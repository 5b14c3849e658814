package org.medcard.card;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

import org.medcard.apdu.Hex;
import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.TerminalId;

/**
 * A completed purse transaction as the center receives it: who, how much, where, when, and the card's TAC
 * that proves it.
 *
 * @param offlineCounter the counter value before the debit (the one INITIALIZE answered and the TAC covers)
 */
public record PurseRecord(CardNumber cardNo, int offlineCounter, long amount, TransactionType type, TerminalId terminalId,
                          long terminalSeq, LocalDateTime dateTime, byte[] tac) {

    public PurseRecord {
        Objects.requireNonNull(cardNo, "cardNo");
        PurseCrypto.u16(offlineCounter);
        PurseCrypto.u32(amount);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(terminalId, "terminalId");
        PurseCrypto.u32(terminalSeq);
        dateTime = Objects.requireNonNull(dateTime, "dateTime").truncatedTo(ChronoUnit.SECONDS);
        if (tac == null || tac.length != 4) {
            throw new IllegalArgumentException("TAC must be 4 bytes");
        }
        tac = tac.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PurseRecord r && r.cardNo.equals(cardNo) && r.offlineCounter == offlineCounter
                && r.amount == amount && r.type == type && r.terminalId.equals(terminalId)
                && r.terminalSeq == terminalSeq && r.dateTime.equals(dateTime) && Arrays.equals(r.tac, tac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cardNo, offlineCounter, amount, type, terminalId, terminalSeq, dateTime, Arrays.hashCode(tac));
    }

    @Override
    public String toString() {
        return String.format("PurseRecord[card %s, counter %d, %d fen, %s, terminal %s seq %d, %s, TAC %s]",
                cardNo.masked(), offlineCounter, amount, type, terminalId, terminalSeq, dateTime, Hex.of(tac));
    }
}
