/**
 * The pharmacy counter's model: the cart (scanned items, quantities, running total), the card panel (who, status
 * banner with the rule's message), card insert / remove, family payment (R3), the split shown before any debit,
 * PIN entry, cash tendered and change, and the receipt of the finished sale. The model reaches the terminal only
 * through its ports ({@code ItemLookup}, {@code CardDesk}, {@code Checkout}, {@code CounterWords},
 * {@code ReceiptOutput}); the desktop wires them in {@code ui.counter.TerminalCounterPorts}. The card panel and its
 * reading path ({@code CardWatch} over {@code CardDesk}) are shared with the registration desk (issue 15): one watch
 * per app, so a card is read once through the one card session whichever desk shows it.
 */
package org.medcard.terminal.present.counter;
