package org.medcard.transport.pcsc;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.smartcardio.CardNotPresentException;

import org.medcard.transport.CardFault;
import org.medcard.transport.CardFault.Kind;

/**
 * Translates what {@code javax.smartcardio} throws into {@link CardFault}s. The JDK gives no error codes,
 * only exceptions whose message (or whose cause's message) names the PC/SC code, e.g.
 * {@code CardException: list() failed} caused by {@code PCSCException: SCARD_E_NO_SERVICE}; so the codes
 * are read from the messages along the cause chain.
 */
final class PcscFaults {

    private static final Pattern CODE = Pattern.compile("SCARD_[EWF]_[A-Z_]+");

    /** PC/SC code → what the cashier or technician is told. */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("SCARD_E_NO_SERVICE", Kind.NO_SERVICE),
            Map.entry("SCARD_E_SERVICE_STOPPED", Kind.NO_SERVICE),
            Map.entry("SCARD_W_REMOVED_CARD", Kind.CARD_REMOVED),
            Map.entry("SCARD_E_NO_SMARTCARD", Kind.CARD_REMOVED),
            Map.entry("SCARD_W_RESET_CARD", Kind.CARD_REMOVED),
            Map.entry("SCARD_E_SHARING_VIOLATION", Kind.SHARING_VIOLATION),
            Map.entry("SCARD_E_READER_UNAVAILABLE", Kind.READER_UNAVAILABLE),
            Map.entry("SCARD_E_UNKNOWN_READER", Kind.READER_UNAVAILABLE),
            Map.entry("SCARD_E_NO_READERS_AVAILABLE", Kind.READER_UNAVAILABLE),
            Map.entry("SCARD_W_UNRESPONSIVE_CARD", Kind.CARD_MUTE),
            Map.entry("SCARD_W_UNPOWERED_CARD", Kind.CARD_MUTE),
            Map.entry("SCARD_W_UNSUPPORTED_CARD", Kind.CARD_MUTE),
            Map.entry("SCARD_E_NOT_TRANSACTED", Kind.CARD_MUTE),
            Map.entry("SCARD_E_PROTO_MISMATCH", Kind.CARD_MUTE),
            Map.entry("SCARD_E_TIMEOUT", Kind.TIMEOUT),
            Map.entry("SCARD_F_COMM_ERROR", Kind.IO));

    private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("SCARD_E_NO_SERVICE", "the smart-card service (pcscd) is not running"),
            Map.entry("SCARD_E_SERVICE_STOPPED", "the smart-card service (pcscd) stopped"),
            Map.entry("SCARD_W_REMOVED_CARD", "the card was removed"),
            Map.entry("SCARD_E_NO_SMARTCARD", "no card in the reader"),
            Map.entry("SCARD_W_RESET_CARD", "another program reset the card; the session is lost"),
            Map.entry("SCARD_E_SHARING_VIOLATION", "another program holds the card exclusively"),
            Map.entry("SCARD_E_READER_UNAVAILABLE", "the reader is unplugged or unavailable"),
            Map.entry("SCARD_E_UNKNOWN_READER", "no reader of that name"),
            Map.entry("SCARD_E_NO_READERS_AVAILABLE", "no readers are connected"),
            Map.entry("SCARD_W_UNRESPONSIVE_CARD", "the card does not answer (no ATR)"),
            Map.entry("SCARD_W_UNPOWERED_CARD", "the card is not powered"),
            Map.entry("SCARD_E_NOT_TRANSACTED", "the card did not complete the exchange"),
            Map.entry("SCARD_E_TIMEOUT", "no answer in time"));

    private PcscFaults() {
    }

    /** The first PC/SC code named in the messages of {@code e} and its causes. */
    static Optional<String> code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group());
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Which kind of fault {@code e} is. */
    static Kind kindOf(Throwable e) {
        Optional<String> code = code(e);
        if (code.isPresent()) {
            return KINDS.getOrDefault(code.get(), Kind.IO);
        }
        if (e instanceof CardNotPresentException) {
            return Kind.CARD_REMOVED;
        }
        if (e instanceof IllegalStateException) {
            // The JDK's "Card has been disconnected" / "Channel has been closed": the session is gone.
            return Kind.CARD_REMOVED;
        }
        return Kind.IO;
    }

    /** A fault for {@code e} with {@code context} (reader, readers present, command) in front. */
    static CardFault translate(Throwable e, String context) {
        Kind kind = kindOf(e);
        String detail = code(e).map(c -> c + " (" + EXPLANATIONS.getOrDefault(c, "PC/SC error") + ")")
                .orElseGet(() -> e.getClass().getSimpleName() + ": " + e.getMessage());
        return new CardFault(kind, context + ": " + detail, e);
    }
}
