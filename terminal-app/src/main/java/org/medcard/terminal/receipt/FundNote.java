package org.medcard.terminal.receipt;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

import org.medcard.terminal.text.Texts;

/**
 * Why the pooling fund paid nothing on a receipt's split (issue 15): the sale policy's rule, the one the counter's
 * and the registration desk's split show. The document keeps the rule, not its words, so a reprint reads it again;
 * the words are the core's sentences ({@code split.no_pooling.<rule>}) in both languages, Chinese first, as every
 * label on the paper.
 *
 * @param rule R3, R4, R6, R11 or R12
 * @param from R6: the first day the fund pays; null for the other rules
 */
public record FundNote(String rule, LocalDate from) {

    public FundNote {
        Texts.requireText(rule, "rule");
    }

    /** The sentence in {@code locale}, as the split on the screen words it. */
    public String words(Locale locale) {
        return Texts.messages(locale).text("split.no_pooling." + rule, from == null ? "" : from.toString());
    }

    /** The line under the split: Chinese, then English. */
    void line(SheetBuilder b) {
        b.text(words(Locale.SIMPLIFIED_CHINESE) + " " + words(Locale.ENGLISH));
    }

    @Override
    public String toString() {
        return Objects.toString(rule) + (from == null ? "" : " from " + from);
    }
}
