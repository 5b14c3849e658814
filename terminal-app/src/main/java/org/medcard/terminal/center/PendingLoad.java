package org.medcard.terminal.center;

import java.util.Objects;

/** One load the center holds for a card ({@code 8501}): a monthly contribution (R15) or a refund (R2). */
public record PendingLoad(String loadId, long amountFen, String month, String origin) {
    public PendingLoad {
        Objects.requireNonNull(loadId, "loadId");
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a pending load is a positive amount: " + amountFen);
        }
    }
}
