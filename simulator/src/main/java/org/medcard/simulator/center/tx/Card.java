package org.medcard.simulator.center.tx;

import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;
import org.medcard.simulator.center.rules.PsnStatus;
import org.medcard.simulator.center.store.Db;

/** A card, its holder and its shadow balance (what the purse holds as far as the center knows). */
record Card(String cardNo, String psnNo, String region, Algorithm algorithm, int keyVersion, boolean activated,
            LocalDate expiry, boolean blocked, long balance, Person holder) {

    static Optional<Card> find(Db db, String cardNo) {
        return db.one("SELECT card_no, psn_no, card_region, algorithm, key_version, activated, expiry_date, blocked, balance FROM card WHERE card_no = ?",
                rs -> new Card(rs.getString(1), rs.getString(2), rs.getString(3), algorithm(rs.getString(4)), rs.getInt(5),
                        rs.getInt(6) != 0, LocalDate.parse(rs.getString(7)), rs.getInt(8) != 0, rs.getLong(9), null), cardNo)
                .map(c -> c.withHolder(Person.byPsnNo(db, c.psnNo()).orElseThrow(
                        () -> new IllegalStateException("card " + Masking.card(cardNo) + " has no holder"))));
    }

    /** The card, or 2001 when the center does not know it. */
    static Card require(Db db, String cardNo) {
        return find(db, cardNo).orElseThrow(() -> new TxRefusal(InfCode.PERSON_NOT_FOUND, "card_no " + cardNo + " is not known to the center"));
    }

    static Optional<Card> ofPerson(Db db, String psnNo) {
        return db.one("SELECT card_no FROM card WHERE psn_no = ? ORDER BY card_no LIMIT 1", rs -> rs.getString(1), psnNo)
                .flatMap(no -> find(db, no));
    }

    private Card withHolder(Person p) {
        return new Card(cardNo, psnNo, region, algorithm, keyVersion, activated, expiry, blocked, balance, p);
    }

    static Algorithm algorithm(String name) {
        return switch (name) {
            case "3DES", "TRIPLE_DES" -> Algorithm.TRIPLE_DES;
            case "SM4" -> Algorithm.SM4;
            default -> throw new IllegalStateException("unknown card algorithm " + name);
        };
    }

    /**
     * The status that decides what the card may do: the center's hard statuses (FROZEN, LOST,
     * CANCELLED) first, then the card's own (not activated, expired, application blocked), then the
     * holder's (NORMAL or SUSPENDED).
     */
    PsnStatus status(LocalDate today) {
        PsnStatus s = holder.status();
        if (!s.accountUsable()) {
            return s;
        }
        if (!activated) {
            return PsnStatus.NOT_ACTIVATED;
        }
        if (expiry.isBefore(today)) {
            return PsnStatus.EXPIRED;
        }
        if (blocked) {
            return PsnStatus.BLOCKED;
        }
        return s;
    }

    /** Refuses with 2002 and the status when the personal account may not pay. */
    void requireUsable(TxContext ctx) {
        PsnStatus s = status(ctx.today());
        if (!s.accountUsable()) {
            ObjectNode out = ctx.object();
            out.put("psn_status", s.name());
            out.put("status_reason", s == PsnStatus.CANCELLED ? holder.statusReason() : null);
            throw new TxRefusal(InfCode.STATUS_FORBIDS, "card " + cardNo + " status " + s + " forbids payment", out);
        }
    }

    /** The card's 8-byte diversification data: the last 8 bytes of the application serial number. */
    byte[] diversification() {
        byte[] serial = Hex.parse(cardNo);
        return java.util.Arrays.copyOfRange(serial, serial.length - 8, serial.length);
    }

    /** The card's key diversified from a master key of its key version ({@code column}: mtk, mlk, …). */
    byte[] cardKey(Db db, String column) {
        String master = db.one("SELECT " + column + " FROM key_set WHERE key_version = ?", rs -> rs.getString(1), keyVersion)
                .orElseThrow(() -> new IllegalStateException("no master keys for key version " + keyVersion));
        return PurseCrypto.diversify(algorithm, Hex.parse(master), diversification());
    }
}
