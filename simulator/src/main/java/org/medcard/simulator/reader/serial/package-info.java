/**
 * The simulated reader as a serial counter reader: {@link org.medcard.simulator.reader.serial.SerialReaderSimulator}
 * plays the reader side of the framed protocol on a pseudo-terminal (or any
 * {@link org.medcard.transport.serial.SerialLink}), {@link org.medcard.simulator.reader.serial.PtyPair}
 * makes a joined pair of ptys with {@code socat}, and {@link org.medcard.simulator.reader.serial.SerialCommand}
 * is the technician's {@code serial} command.
 */
package org.medcard.simulator.reader.serial;
