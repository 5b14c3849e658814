/**
 * The faults-and-queue screen: what waits for the center, forward-now with a progress bar, the re-settlement
 * entries and the re-settlement flow ending with the refund to hand back. Renders {@code present.queue}'s model.
 */
package org.medcard.terminal.ui.queue;
