package org.medcard.simulator.card;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What GET TRANSACTION PROVE answers for the purchase made with offline counter {@code counter}: MAC2 and TAC, 8 hex digits each. */
public record Proof(
        @JsonProperty("counter") int counter,
        @JsonProperty("mac2") String mac2,
        @JsonProperty("tac") String tac) {

    public Proof {
        if (counter < 0 || counter > 0xFFFF) {
            throw new IllegalArgumentException("counter out of range: " + counter);
        }
        if (mac2 == null || !mac2.matches("[0-9A-F]{8}") || tac == null || !tac.matches("[0-9A-F]{8}")) {
            throw new IllegalArgumentException("MAC2 and TAC must be 8 upper-case hex digits");
        }
    }
}
