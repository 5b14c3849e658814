/**
 * The status bar's model: reader, PSAM, card and center as green / amber / red lights, each with a word (never
 * colour alone), and the offline queue's count, amount and oldest age. Refreshed periodically on the worker.
 */
package org.medcard.terminal.present.status;
