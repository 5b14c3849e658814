/**
 * The pharmacy counter's model: the cart (scanned items, quantities, running total), the card panel (who, status
 * banner with the rule's message), card insert / remove, family payment (R3), the split shown before any debit,
 * PIN entry, cash tendered and change, and the receipt of the finished sale.
 */
package org.medcard.terminal.present.counter;
