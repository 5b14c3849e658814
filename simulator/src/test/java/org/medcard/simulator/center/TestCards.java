package org.medcard.simulator.center;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.apdu.Hex;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;

/** The bundled card profiles, and card debit records made the way a card makes them (TAC with its DTK). */
final class TestCards {
    static final CardProfiles PROFILES = CardProfiles.bundled();
    static final String TERMINAL_ID = "000000123456";

    private TestCards() {
    }

    static CardProfile profile(String name) {
        return PROFILES.get(name);
    }

    /** A purse record for a purchase by this card, with a genuine TAC. */
    static ObjectNode purse(CardProfile card, long amount, int offlineCounter, long terminalSeq, LocalDateTime time) {
        byte[] dtk = PROFILES.keys().forCard(card.purseAlgorithm(), card.diversification()).dtk();
        byte[] tac = PurseCrypto.purchaseTac(card.purseAlgorithm(), dtk, amount, Hex.parse(TERMINAL_ID), PurseCrypto.u32(terminalSeq),
                Hex.parse(time.format(DateTimeFormatter.ofPattern("uuuuMMdd"))), Hex.parse(time.format(DateTimeFormatter.ofPattern("HHmmss"))));
        ObjectNode p = CenterClient.object();
        p.put("card_no", card.cardNo());
        p.put("offline_counter", offlineCounter);
        p.put("amount", amount);
        p.put("tx_type", 6);
        p.put("terminal_id", TERMINAL_ID);
        p.put("terminal_seq", terminalSeq);
        p.put("tx_time", time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")));
        p.put("tac", Hex.of(tac));
        return p;
    }

    static ObjectNode purse(CardProfile card, long amount, int offlineCounter) {
        return purse(card, amount, offlineCounter, 0x100 + offlineCounter, LocalDateTime.of(2026, 11, 22, 10, 15, 2));
    }

    /** The same record with its TAC's last hex digit changed: what a forger would send. */
    static ObjectNode forged(ObjectNode purse) {
        ObjectNode f = purse.deepCopy();
        String tac = f.get("tac").asText();
        char last = tac.charAt(7);
        f.put("tac", tac.substring(0, 7) + (last == '0' ? '1' : '0'));
        return f;
    }
}
