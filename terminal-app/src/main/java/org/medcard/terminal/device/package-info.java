/**
 * The devices the configuration names: the card reader and the PSAM (PC/SC, serial, the built-in
 * simulator, or a software PSAM), opened on the reader's worker thread and traced.
 */
package org.medcard.terminal.device;
