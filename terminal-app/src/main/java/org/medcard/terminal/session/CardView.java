package org.medcard.terminal.session;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.card.CardInfo;
import org.medcard.card.Cardholder;
import org.medcard.card.InsuranceStatus;
import org.medcard.crypto.Algorithm;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.status.CardVerdict;

/**
 * Everything the counter shows about the card in the slot: identity, status, balance, what the center
 * says (when online), and the verdict of the status table.
 *
 * @param balanceFen the purse balance, empty when the card would not tell (blocked application)
 * @param person the center's {@code 1101} answer, empty when offline
 * @param blockedNow true when this check blocked the card application (R8)
 */
public record CardView(CardInfo info, Cardholder holder, InsuranceStatus cardStatus, Algorithm algorithm, OptionalLong balanceFen,
                       Optional<PersonInfo> person, CardVerdict verdict, boolean blockedNow) {

    public CardView {
        Objects.requireNonNull(balanceFen, "balanceFen");
    }

    /** What the purse can pay from: its balance, or nothing when the card would not tell. */
    public long payableFen() {
        return balanceFen.orElse(0);
    }

    public boolean online() {
        return person.isPresent();
    }

    /** The scheme the center reports, or the card's own. */
    public String scheme() {
        return person.map(PersonInfo::scheme)
                .orElse(holder.scheme().map(Enum::name).orElse("UNKNOWN"));
    }

    /** The card's region (R12 compares it with the institution's). */
    public String cardRegion() {
        return person.map(PersonInfo::insuranceRegion).orElse(holder.region().orElse(info.region()));
    }
}
