/**
 * BER-TLV as the card uses it (FCI of SELECT, the cardholder file SFI 02): a strict parser that turns
 * any malformed input into a {@link org.medcard.tlv.TlvException} (a fault of the card, never an index
 * exception), and the {@link org.medcard.tlv.Tlv} value with lookup helpers and an encoder for fakes.
 */
package org.medcard.tlv;
