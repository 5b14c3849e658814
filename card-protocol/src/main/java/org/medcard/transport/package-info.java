/**
 * Card transports: the one small {@link org.medcard.transport.CardTransport} interface, the faults it
 * throws, and decorators around it (GET RESPONSE and {@code 6CXX} handling, APDU tracing). Hardware
 * adapters live in sub-packages ({@code pcsc}, {@code serial}); nothing here imports them.
 */
package org.medcard.transport;
