package org.medcard.terminal.present.queue;

import java.util.List;
import java.util.OptionalLong;

import org.medcard.terminal.resettle.EntryView;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;

/** The re-settlement desk as the queue screen uses it: the entries, and the re-settlement of one of them. */
public interface EntryDesk {

    /** This counter's entries and, when online, the institution's (every state; the screen filters). */
    List<EntryView> entries();

    /**
     * Re-settles {@code entryNo} with the card in the reader, the account paying its share as of the original
     * date (R11); the card's PIN is asked through {@code pin} when the account pays (R10).
     *
     * @param requestedAccountFen at most this much from the personal account; empty for as much as the account allows
     */
    ResettleOutcome settle(String entryNo, String cashier, PinSource pin, OptionalLong requestedAccountFen);

    /** The outcome's one line in the terminal's language (the desk's message; the screen's own words come from its bundle). */
    String line(ResettleOutcome outcome);
}
