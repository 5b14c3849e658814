package org.medcard.terminal.receipt;

import org.medcard.terminal.logging.SensitiveNumbers;
import org.medcard.terminal.text.Texts;

/**
 * The insured person as a document names them. Numbers are kept whole here (the journal needs them) but every
 * document shows only the masked form, and {@link #toString()} masks too, so a record that reaches a log
 * does not leak them.
 *
 * @param name the cardholder's name ({@code psn_name}); may contain characters outside the BMP (𠮷)
 * @param psnCertNo the ID number ({@code psn_cert_no})
 * @param cardNo the card number ({@code card_no}); {@code null} when the card could not be read (R11 fault)
 */
public record Insured(String name, String psnCertNo, String cardNo) {

    public Insured {
        Texts.requireText(name, "name");
        Texts.requireText(psnCertNo, "psnCertNo");
        if (cardNo != null && cardNo.isBlank()) {
            cardNo = null;
        }
    }

    /** The ID number with only the first 3 and last 4 characters kept. */
    public String maskedCertNo() {
        return Texts.NONE.equals(psnCertNo) ? Texts.NONE : SensitiveNumbers.mask(psnCertNo);
    }

    /** The card number masked the same way, or a dash when no card was read. */
    public String maskedCardNo() {
        return cardNo == null ? Texts.NONE : SensitiveNumbers.mask(cardNo);
    }

    @Override
    public String toString() {
        return "Insured[name=" + name + ", psnCertNo=" + maskedCertNo() + ", cardNo=" + maskedCardNo() + "]";
    }
}
