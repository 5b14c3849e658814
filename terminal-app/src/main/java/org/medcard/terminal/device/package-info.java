/**
 * The devices the configuration names: the card reader and the PSAM (PC/SC, serial, the built-in
 * simulator, or a software PSAM), opened on the reader's worker thread and traced. {@link
 * org.medcard.terminal.device.ReaderStatus} turns their events into part states (and reopens a PSAM back in its slot);
 * {@link org.medcard.terminal.device.TerminalIdFile} reads the PSAM's terminal id, remembered in {@code terminal.id}.
 */
package org.medcard.terminal.device;
