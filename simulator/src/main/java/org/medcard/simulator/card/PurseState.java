package org.medcard.simulator.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.medcard.simulator.profile.CardProfile;

/**
 * Everything on the card that a command can change, as one immutable value. A committing command builds a
 * new value and the card swaps it in with one assignment: that single step is the card's commit point, so
 * balance, counters, log and proof change together or not at all (what a real card gets from its
 * EEPROM transaction buffer).
 *
 * @param log    newest first, at most {@value #LOG_SIZE} records (the cyclic SFI 04)
 * @param proofs newest first, at most {@value #LOG_SIZE}: the MAC2/TAC of recent purchases for GET TRANSACTION PROVE
 */
public record PurseState(
        @JsonProperty("balance") long balance,
        @JsonProperty("offline_counter") int offlineCounter,
        @JsonProperty("online_counter") int onlineCounter,
        @JsonProperty("pin_tries_left") int pinTriesLeft,
        @JsonProperty("mac_failures") int macFailures,
        @JsonProperty("block") BlockState block,
        @JsonProperty("log") List<LogRecord> log,
        @JsonProperty("proofs") List<Proof> proofs) {

    public static final int LOG_SIZE = 10;
    public static final int MAX_PIN_TRIES = 3;
    public static final int MAX_MAC_FAILURES = 3;

    public PurseState {
        if (balance < 0 || balance > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("balance out of range: " + balance);
        }
        if (offlineCounter < 0 || offlineCounter > 0xFFFF || onlineCounter < 0 || onlineCounter > 0xFFFF) {
            throw new IllegalArgumentException("counter out of range");
        }
        if (pinTriesLeft < 0 || pinTriesLeft > MAX_PIN_TRIES || macFailures < 0) {
            throw new IllegalArgumentException("PIN tries or MAC failures out of range");
        }
        block = block == null ? BlockState.NONE : block;
        log = log == null ? List.of() : List.copyOf(log.subList(0, Math.min(LOG_SIZE, log.size())));
        proofs = proofs == null ? List.of() : List.copyOf(proofs.subList(0, Math.min(LOG_SIZE, proofs.size())));
    }

    /** The state a freshly issued card of this profile starts with. */
    public static PurseState initial(CardProfile p) {
        return new PurseState(p.balance(), p.offlineCounter(), p.onlineCounter(), p.pinTriesLeft(), 0,
                p.applicationBlocked() ? BlockState.TEMPORARY : BlockState.NONE, List.of(), List.of());
    }

    PurseState withPinTries(int tries) {
        return new PurseState(balance, offlineCounter, onlineCounter, tries, macFailures, block, log, proofs);
    }

    PurseState withMacFailure() {
        int failures = macFailures + 1;
        BlockState b = failures >= MAX_MAC_FAILURES && block == BlockState.NONE ? BlockState.TEMPORARY : block;
        return new PurseState(balance, offlineCounter, onlineCounter, pinTriesLeft, failures, b, log, proofs);
    }

    PurseState withBlock(BlockState newBlock) {
        BlockState b = block == BlockState.PERMANENT ? BlockState.PERMANENT : newBlock;
        return new PurseState(balance, offlineCounter, onlineCounter, pinTriesLeft, macFailures, b, log, proofs);
    }

    PurseState afterPurchase(long amount, LogRecord record, Proof proof) {
        return new PurseState(balance - amount, offlineCounter + 1, onlineCounter, pinTriesLeft, 0, block,
                prepend(log, record), prepend(proofs, proof));
    }

    PurseState afterLoad(long amount, LogRecord record) {
        return new PurseState(balance + amount, offlineCounter, onlineCounter + 1, pinTriesLeft, macFailures, block,
                prepend(log, record), proofs);
    }

    private static <T> List<T> prepend(List<T> list, T first) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.add(first);
        out.addAll(list);
        return out.subList(0, Math.min(LOG_SIZE, out.size()));
    }
}
