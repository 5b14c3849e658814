package org.medcard.terminal.present.counter;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.medcard.terminal.center.PersonInfo;

/**
 * What the card panel shows. ID and card numbers are masked here already (first 3, last 4).
 *
 * @param present     a card is in the slot and was read
 * @param name        the cardholder's name (may hold characters beyond the BMP)
 * @param idMasked    the ID number, masked
 * @param cardMasked  the card number, masked
 * @param scheme      the scheme in the terminal's language
 * @param region      the insurance region code
 * @param balanceFen  the purse balance, empty when the card would not tell
 * @param banner      how the banner is coloured
 * @param bannerText  the banner's words: "Card OK", or the refusing rule's message
 * @param family      family members the holder may pay for (R3), empty when not offered
 */
public record CardPanel(boolean present, String name, String idMasked, String cardMasked, String scheme, String region,
                        OptionalLong balanceFen, Banner banner, String bannerText, List<PersonInfo.FamilyMember> family) {

    /** The banner's kind: green OK, amber usable with a restriction (R4, offline), red refused, grey no card. */
    public enum Banner { NONE, OK, WARNING, REFUSED }

    public CardPanel {
        Objects.requireNonNull(balanceFen, "balanceFen");
        family = family == null ? List.of() : List.copyOf(family);
    }

    public static CardPanel empty(String text) {
        return new CardPanel(false, "", "", "", "", "", OptionalLong.empty(), Banner.NONE, text, List.of());
    }

    public CardPanel withBalance(long fen) {
        return new CardPanel(present, name, idMasked, cardMasked, scheme, region, OptionalLong.of(fen), banner, bannerText, family);
    }

    public boolean usable() {
        return present && banner != Banner.REFUSED;
    }
}
