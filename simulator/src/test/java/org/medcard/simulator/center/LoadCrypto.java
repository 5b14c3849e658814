package org.medcard.simulator.center;

import org.medcard.apdu.Hex;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.SimulatorKeys;

/** What a card computes during a load (MAC1, TAC) and what the center must answer (MAC2), for the tests. */
final class LoadCrypto {
    static final String RANDOM = "0A0B0C0D";
    static final String TIME = "2026-11-22 10:16:00";
    private static final byte[] DATE_BCD = Hex.parse("20261122");
    private static final byte[] TIME_BCD = Hex.parse("101600");

    private final CardProfile card;
    private final long oldBalance;
    private final int counter;
    private final long amount;
    private final SimulatorKeys.CardKeys keys;

    LoadCrypto(CardProfile card, long oldBalance, int counter, long amount) {
        this.card = card;
        this.oldBalance = oldBalance;
        this.counter = counter;
        this.amount = amount;
        this.keys = TestCards.PROFILES.keys().forCard(card.purseAlgorithm(), card.diversification());
    }

    private byte[] sessionKey() {
        return PurseCrypto.loadSessionKey(card.purseAlgorithm(), keys.dlk(), Hex.parse(RANDOM), counter);
    }

    String mac1() {
        return Hex.of(PurseCrypto.loadMac1(card.purseAlgorithm(), sessionKey(), oldBalance, amount, Hex.parse(TestCards.TERMINAL_ID)));
    }

    String mac2() {
        return Hex.of(PurseCrypto.loadMac2(card.purseAlgorithm(), sessionKey(), amount, Hex.parse(TestCards.TERMINAL_ID), DATE_BCD, TIME_BCD));
    }

    String tac() {
        return Hex.of(PurseCrypto.loadTac(card.purseAlgorithm(), keys.dtk(), oldBalance + amount, counter, amount,
                Hex.parse(TestCards.TERMINAL_ID), DATE_BCD, TIME_BCD));
    }
}
