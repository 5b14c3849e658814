package org.medcard.simulator.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.YearMonth;

/** A monthly contribution waiting at the center to be loaded onto the card (R15, host 8501). */
public record PendingLoad(
        @JsonProperty("load_id") String loadId,
        @JsonProperty("amount") long amount,
        @JsonProperty("month") YearMonth month) {

    public PendingLoad {
        if (loadId == null || loadId.isBlank()) {
            throw new IllegalArgumentException("load_id missing");
        }
        if (amount <= 0 || amount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("load amount out of range (fen): " + amount);
        }
        if (month == null) {
            throw new IllegalArgumentException("load month missing");
        }
    }
}
