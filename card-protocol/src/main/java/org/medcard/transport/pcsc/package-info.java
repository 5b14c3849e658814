/**
 * The PC/SC adapter: {@link org.medcard.transport.pcsc.PcscReaders} lists readers, waits for cards, opens sessions
 * and watches readers ({@link org.medcard.transport.pcsc.ReaderWatch}), translating failures into
 * {@link org.medcard.transport.CardFault}s. Two implementations: our own JNA binding of the PC/SC library (the
 * default; a context per operation, so it comes back by itself after the service restarts) and
 * {@code javax.smartcardio} (the JDK's SunPCSC as a fallback, or an injected provider such as the simulator's).
 * The only package of card-protocol that imports {@code javax.smartcardio} or JNA.
 */
package org.medcard.transport.pcsc;
