/**
 * The supervisor's screen of messages the center rejected: the list with each reason and what was done about it,
 * and the three resolutions (resend, reverse, mark handled with a note). Tested without a display.
 */
package org.medcard.terminal.present.rejected;
