/**
 * The PC/SC adapter: {@link org.medcard.transport.pcsc.PcscReaders} lists readers, waits for cards and
 * opens {@link org.medcard.transport.pcsc.PcscTransport}s over {@code javax.smartcardio} (pcscd on Linux,
 * WinSCard on Windows), translating the JDK's exceptions into {@link org.medcard.transport.CardFault}s.
 * The only package of card-protocol that imports {@code javax.smartcardio}.
 */
package org.medcard.transport.pcsc;
