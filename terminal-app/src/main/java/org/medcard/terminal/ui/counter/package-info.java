/** The pharmacy counter panel: code field, cart table, card panel with its status banner, result, F-key row. */
package org.medcard.terminal.ui.counter;
