/**
 * Monthly loads (business rule R15, and R2 refunds): pending loads the center holds for a card are credited
 * onto the card's purse (host {@code 8501}/{@code 8502}, card INITIALIZE / CREDIT FOR LOAD), journalled so that
 * a crash or a pulled card between CREDIT and the confirmation never loads the money twice.
 */
package org.medcard.terminal.load;
