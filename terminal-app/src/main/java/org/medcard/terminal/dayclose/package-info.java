/**
 * Day close: the day's totals per payment source counted from the terminal's own queue (online settlements,
 * offline debits, cash during faults, re-settlements, voids), reconciled with the center ({@code 3201}, and on
 * MISMATCH the {@code 3202} detail compared record by record), with the queue state and the open
 * re-settlement entries — as a model the CLI prints and the receipt package renders.
 */
package org.medcard.terminal.dayclose;
