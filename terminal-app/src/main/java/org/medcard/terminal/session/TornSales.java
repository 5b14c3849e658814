package org.medcard.terminal.session;

import java.util.List;

import org.medcard.card.MedicalCard;
import org.medcard.psam.Psam;

/**
 * Tearing recovery as the card session sees it: resolves every unfinished sale of the card in the slot before
 * anything else is done with that card (the sale machinery implements it). Never debits.
 */
@FunctionalInterface
public interface TornSales {

    List<? extends TornSale> recover(MedicalCard card, Psam psam);
}
