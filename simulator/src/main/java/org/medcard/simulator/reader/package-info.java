/**
 * The simulated reader that every kind of simulated reader (in-process smartcardio provider, vpcd
 * bridge to a real pcscd, serial reader on a pty) presents: two slots with injectable faults, and the
 * {@link org.medcard.simulator.reader.SimulatedCard} interface that the virtual card and PSAM implement.
 */
package org.medcard.simulator.reader;
