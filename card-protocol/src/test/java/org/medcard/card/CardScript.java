package org.medcard.card;

/** APDUs and answers of the card spec, as hex, shared by the card tests. */
final class CardScript {

    static final String SELECT = "00A4040009 F04D45444341524401 00";
    static final String READ_CARD_INFO = "00B0810020";
    static final String READ_CARDHOLDER = "00B0820080";
    static final String READ_STATUS = "00B0830010";
    static final String GET_BALANCE = "805C000204";
    static final String GET_CHALLENGE = "0084000008";

    static final String CARD_NO = "11010020261122000017";

    /** FCI: AID, version 0100, algorithm {@code alg} (02 triple-DES, 04 SM4). */
    static String fci(String alg) {
        return "6F15 8409F04D45444341524401 A508 9F08020100 C001" + alg;
    }

    /** SFI 01 of an activated card issued 2026-11-22, expiring 2036-11-21, DPK key version 01. */
    static String cardInfo(String cardNo) {
        return cardNo + "110100" + "01" + "01" + "20261122" + "20361121" + "01" + "0000000000000000";
    }

    static String ok(String data) {
        return data + "9000";
    }

    private CardScript() {
    }
}
