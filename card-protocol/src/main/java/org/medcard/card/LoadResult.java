package org.medcard.card;

import java.time.LocalDateTime;
import java.util.Objects;

/** A load the card has credited (CREDIT FOR LOAD answered its TAC). */
public record LoadResult(LoadIntent intent, long newBalance, LocalDateTime dateTime, byte[] tac) {

    public LoadResult {
        Objects.requireNonNull(intent, "intent");
        if (newBalance != intent.oldBalance() + intent.amount()) {
            throw new IllegalArgumentException("new balance must be old balance plus the amount");
        }
        Objects.requireNonNull(dateTime, "dateTime");
        if (tac == null || tac.length != 4) {
            throw new IllegalArgumentException("TAC must be 4 bytes");
        }
        tac = tac.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }
}
