package org.medcard.terminal.receipt;

import java.util.Locale;
import java.util.regex.Pattern;
import org.medcard.terminal.text.Texts;

/**
 * What the card proved for its purse transaction: the TAC and the balance it reported afterwards.
 *
 * @param tac the card's TAC, 8 hex digits (stored upper case)
 * @param balanceAfter the purse balance after the transaction, fen
 */
public record CardProof(String tac, long balanceAfter) {

    private static final Pattern HEX8 = Pattern.compile("[0-9A-F]{8}");

    public CardProof {
        Texts.requireText(tac, "tac");
        tac = tac.toUpperCase(Locale.ROOT);
        if (!HEX8.matcher(tac).matches()) {
            throw new IllegalArgumentException("TAC must be 8 hex digits: '" + tac + "'");
        }
        Texts.requireFen(balanceAfter, "balanceAfter");
    }
}
