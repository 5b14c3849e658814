/**
 * Presentation models of the faults-and-queue screen: what waits for the center (records, amount, oldest age),
 * forwarding it now with progress, the list of re-settlement entries, and the re-settlement of an entry when
 * the patient is back with the card (ending with the refund to hand back). No toolkit here: a view interface
 * renders, an {@code Executor worker} does the center and card I/O, an {@code Executor ui} runs the callbacks.
 */
package org.medcard.terminal.present.queue;
