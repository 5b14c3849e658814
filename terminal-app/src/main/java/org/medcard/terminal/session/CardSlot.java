package org.medcard.terminal.session;

import org.medcard.psam.Psam;
import org.medcard.transport.CardTransport;

/** The reader's card slot and the PSAM, as the configured devices give them (the composition root adapts them). */
public interface CardSlot {

    /** A fresh connection to the card in the slot. */
    CardTransport connectCard();

    /** The PSAM, opened on first use and after a fault. */
    Psam psam();

    /** Forgets the PSAM after a fault, so the next use reopens it. */
    void psamFaulted();
}
