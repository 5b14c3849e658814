/**
 * The slip of a desk's last outcome (registration, re-settlement, void) at the desktop: journalled once when the
 * outcome ends, then printed or saved as a PDF when the operator asks (issue 15), through the terminal's one
 * receipt desk as the counter's F7/F8 ({@code present.counter.ReceiptOutput}).
 */
package org.medcard.terminal.present.outcome;
