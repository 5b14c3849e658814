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
            Map.entry("SCARD_E_TIMEOUT", "no answer in time"),
            Map.entry("SCARD_E_INVALID_HANDLE", "the smart-card service (pcscd) restarted; the session is lost"),
            Map.entry("SCARD_F_COMM_ERROR", "the link to the smart-card service (pcscd) broke"));

    /** PC/SC return codes by number, for the JNA binding (which gets numbers, not messages). */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x80100001, "SCARD_F_INTERNAL_ERROR"),
            Map.entry(0x80100002, "SCARD_E_CANCELLED"),
            Map.entry(0x80100003, "SCARD_E_INVALID_HANDLE"),
            Map.entry(0x80100004, "SCARD_E_INVALID_PARAMETER"),
            Map.entry(0x80100006, "SCARD_E_NO_MEMORY"),
            Map.entry(0x80100008, "SCARD_E_INSUFFICIENT_BUFFER"),
            Map.entry(0x80100009, "SCARD_E_UNKNOWN_READER"),
            Map.entry(0x8010000A, "SCARD_E_TIMEOUT"),
            Map.entry(0x8010000B, "SCARD_E_SHARING_VIOLATION"),
            Map.entry(0x8010000C, "SCARD_E_NO_SMARTCARD"),
            Map.entry(0x8010000F, "SCARD_E_PROTO_MISMATCH"),
            Map.entry(0x80100011, "SCARD_E_INVALID_VALUE"),
            Map.entry(0x80100013, "SCARD_F_COMM_ERROR"),
            Map.entry(0x80100016, "SCARD_E_NOT_TRANSACTED"),
            Map.entry(0x80100017, "SCARD_E_READER_UNAVAILABLE"),
            Map.entry(0x8010001D, "SCARD_E_NO_SERVICE"),
            Map.entry(0x8010001E, "SCARD_E_SERVICE_STOPPED"),
            Map.entry(0x8010001F, "SCARD_E_UNEXPECTED"),
            Map.entry(0x8010002E, "SCARD_E_NO_READERS_AVAILABLE"),
            Map.entry(0x80100065, "SCARD_W_UNSUPPORTED_CARD"),
            Map.entry(0x80100066, "SCARD_W_UNRESPONSIVE_CARD"),
            Map.entry(0x80100067, "SCARD_W_UNPOWERED_CARD"),
            Map.entry(0x80100068, "SCARD_W_RESET_CARD"),
            Map.entry(0x80100069, "SCARD_W_REMOVED_CARD"),
            Map.entry(0x8010006A, "SCARD_W_SECURITY_VIOLATION"));

    private PcscFaults() {
    }

    /** The name of a PC/SC return code, e.g. {@code SCARD_E_NO_SERVICE}; unknown codes in hex. */
    static String nameOf(int code) {
        return NAMES.getOrDefault(code, String.format("PC/SC error 0x%08X", code));
    }

    /** Whether {@code code} means the service went away: the context must be established anew. */
    static boolean serviceGone(int code) {
        String name = nameOf(code);
        // INVALID_HANDLE: a context (or card handle) of a pcscd that has since restarted.
        return name.equals("SCARD_E_NO_SERVICE") || name.equals("SCARD_E_SERVICE_STOPPED")
                || name.equals("SCARD_E_INVALID_HANDLE") || name.equals("SCARD_F_COMM_ERROR");
    }

    /** A fault for the PC/SC return {@code code} with {@code context} in front (JNA binding). */
    static CardFault ofCode(int code, String context) {
        String name = nameOf(code);
        Kind kind = KINDS.getOrDefault(name, Kind.IO);
        if (name.equals("SCARD_E_INVALID_HANDLE")) {
            kind = Kind.NO_SERVICE;
        }
        return new CardFault(kind, context + ": " + name + " (" + EXPLANATIONS.getOrDefault(name, "PC/SC error") + ")");
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
