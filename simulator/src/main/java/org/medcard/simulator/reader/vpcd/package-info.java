/**
 * The vpcd bridge: puts the simulated reader's slots behind vsmartcard's vpcd driver in a real pcscd, so
 * that the terminal's real PC/SC path (and tools such as {@code pcsc_scan}) talk to simulated cards.
 * {@link org.medcard.simulator.reader.vpcd.VpcdBridge} does the protocol;
 * {@link org.medcard.simulator.reader.vpcd.VpcdCommand} is the technician's {@code vpcd} command.
 */
package org.medcard.simulator.reader.vpcd;
