/**
 * Serial counter readers (RS-232 or USB-CDC) speaking the framed protocol of the specification's
 * {@code serial-reader.md}: the pure frame codec ({@link org.medcard.transport.serial.SerialFrameCodec}),
 * the small {@link org.medcard.transport.serial.SerialLink} byte-pipe interface with its jSerialComm and
 * in-memory implementations, and the terminal side ({@link org.medcard.transport.serial.SerialReader} with
 * one {@link org.medcard.transport.serial.SerialReaderTransport} per slot).
 *
 * <p>Only {@link org.medcard.transport.serial.JSerialCommLink} imports jSerialComm; everything else is
 * testable without hardware.
 */
package org.medcard.transport.serial;
