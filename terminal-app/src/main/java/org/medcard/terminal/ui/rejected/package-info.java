/** The supervisor's screen of messages the center rejected (Swing; the logic is in {@code present.rejected}). */
package org.medcard.terminal.ui.rejected;
