/** The status bar: reader, PSAM, card, center lights with words, the queue line, and long-work progress. */
package org.medcard.terminal.ui.status;
