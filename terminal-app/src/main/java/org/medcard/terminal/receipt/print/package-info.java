/**
 * Printing through the operating system's printers (CUPS, Windows spooler) with {@code java.awt.print}: the one
 * package of the receipt layer that touches AWT, and only its printing API.
 */
package org.medcard.terminal.receipt.print;
