/**
 * A {@code javax.smartcardio} provider over {@link org.medcard.simulator.reader.SimulatedReader}s, so code
 * written for PC/SC runs against the virtual card and PSAM in the same JVM without pcscd. Obtained with
 * {@code TerminalFactory.getInstance("MedCardSimulator", readers, new SimulatorProvider())}: no
 * {@code Security.addProvider}, no static state. Slot faults surface as the PC/SC errors a real reader gives.
 */
package org.medcard.simulator.reader.inprocess;
