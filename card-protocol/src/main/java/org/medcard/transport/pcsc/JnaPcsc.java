package org.medcard.transport.pcsc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * {@link PcscBackend} over our own JNA binding ({@link Winscard}): the default. Its point is recovery: <b>every
 * operation establishes a PC/SC context of its own</b> ({@code SCardEstablishContext}, a local socket, well under a
 * millisecond) and releases it afterwards, and a card session and a {@link SlotWatcher} keep theirs for their own
 * life only. So when pcscd (or Windows' smart-card service) stops and starts again, the next call simply
 * connects to the new service: nothing JVM-wide is left pointing at the old one, unlike the JDK's SunPCSC.
 *
 * <p>Slot changes come from {@code SCardGetStatusChange} (events, not polling), with the
 * {@code \\?PnP?\Notification} pseudo reader so that a reader plugged in or out wakes the watcher too.
 *
 * <p>Thread-safe: it holds no PC/SC state between calls (the library is loaded once).
 */
final class JnaPcsc implements PcscBackend {

    private final Winscard lib;

    private JnaPcsc(Winscard lib) {
        this.lib = lib;
    }

    /** Loads the PC/SC library; a {@link CardFault} (NO_SERVICE) when it or JNA's own native part is missing. */
    static JnaPcsc load() {
        try {
            return new JnaPcsc(Winscard.load());
        } catch (LinkageError e) {
            throw new CardFault(CardFault.Kind.NO_SERVICE, "the PC/SC library (libpcsclite / winscard) cannot be loaded: "
                    + e.getMessage() + "; install pcscd and libpcsclite1, or set pcsc.provider=sun", e);
        }
    }

    @Override
    public String type() {
        return "JNA PC/SC";
    }

    static void check(NativeLong rc, String context) {
        int code = rc.intValue();
        if (code != Winscard.SCARD_S_SUCCESS) {
            throw PcscFaults.ofCode(code, context);
        }
    }

    /** A fresh context; the caller releases it. */
    Pointer establish() {
        PointerByReference ctx = new PointerByReference();
        check(lib.SCardEstablishContext(new NativeLong(Winscard.SCARD_SCOPE_SYSTEM), null, null, ctx),
                "connecting to the smart-card service");
        return ctx.getValue();
    }

    void release(Pointer context) {
        lib.SCardReleaseContext(context);
    }

    @Override
    public List<String> readerNames() {
        Pointer ctx = establish();
        try {
            return list(ctx);
        } finally {
            release(ctx);
        }
    }

    private List<String> list(Pointer ctx) {
        for (int attempt = 0; ; attempt++) {
            NativeLongByReference size = new NativeLongByReference();
            int rc = lib.SCardListReaders(ctx, null, null, size).intValue();
            if (PcscFaults.nameOf(rc).equals("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            check(new NativeLong(rc), "listing readers");
            byte[] buffer = new byte[(int) size.getValue().longValue()];
            rc = lib.SCardListReaders(ctx, null, buffer, size).intValue();
            if (PcscFaults.nameOf(rc).equals("SCARD_E_NO_READERS_AVAILABLE")) {
                return List.of();
            }
            if (PcscFaults.nameOf(rc).equals("SCARD_E_INSUFFICIENT_BUFFER") && attempt < 3) {
                continue; // a reader was plugged in between the two calls
            }
            check(new NativeLong(rc), "listing readers");
            return multiString(buffer, (int) size.getValue().longValue());
        }
    }

    /** A PC/SC multi-string: names separated by NUL, ended by an empty one. */
    static List<String> multiString(byte[] buffer, int length) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < Math.min(length, buffer.length); i++) {
            if (buffer[i] == 0) {
                if (i == start) {
                    break;
                }
                names.add(new String(buffer, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }

    @Override
    public boolean waitFor(String reader, Duration timeout, boolean present) {
        try (SlotWatcher w = watcher(reader)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            SlotState s = w.await(null, Duration.ZERO);
            while ((s.slot() == Slot.CARD) != present) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                s = w.await(s, Duration.ofNanos(left));
            }
            return true;
        }
    }

    @Override
    public CardTransport open(String reader, String protocol) {
        int protocols = switch (protocol) {
            case "T=0" -> Winscard.SCARD_PROTOCOL_T0;
            case "T=1" -> Winscard.SCARD_PROTOCOL_T1;
            case "*" -> Winscard.SCARD_PROTOCOL_T0 | Winscard.SCARD_PROTOCOL_T1;
            default -> throw new IllegalArgumentException("protocol must be T=0, T=1 or *: " + protocol);
        };
        Pointer ctx = establish();
        try {
            PointerByReference card = new PointerByReference();
            NativeLongByReference active = new NativeLongByReference();
            int rc = lib.SCardConnect(ctx, reader, new NativeLong(Winscard.SCARD_SHARE_SHARED), new NativeLong(protocols),
                    card, active).intValue();
            if (rc != Winscard.SCARD_S_SUCCESS) {
                CardFault fault = PcscFaults.ofCode(rc, "reader '" + reader + "', connecting with protocol " + protocol);
                if (fault.kind() == CardFault.Kind.READER_UNAVAILABLE) {
                    fault = PcscFaults.ofCode(rc, "reader '" + reader + "', connecting with protocol " + protocol
                            + "; readers present: " + readersForMessage(ctx));
                }
                throw fault;
            }
            return new JnaCardSession(this, lib, ctx, card.getValue(), reader, (int) active.getValue().longValue());
        } catch (RuntimeException e) {
            release(ctx);
            throw e;
        }
    }

    String readersForMessage(Pointer ctx) {
        try {
            return list(ctx).toString();
        } catch (CardFault unavailable) {
            return "(cannot list: " + unavailable.kind() + ")";
        }
    }

    @Override
    public SlotWatcher watcher(String reader) {
        return new EventWatcher(reader);
    }

    /**
     * Waits with {@code SCardGetStatusChange} on a context of its own, established on first use and again after
     * the service went away (the caller, {@link ReaderWatch}, paces the retries).
     */
    private final class EventWatcher implements SlotWatcher {
        private final String reader;
        private volatile Pointer context;
        private long readerState = Winscard.SCARD_STATE_UNAWARE;
        private long pnpState = Winscard.SCARD_STATE_UNAWARE;

        EventWatcher(String reader) {
            this.reader = reader;
        }

        @Override
        public SlotState await(SlotState known, Duration timeout) {
            if (context == null) {
                context = establish();
                readerState = Winscard.SCARD_STATE_UNAWARE;
                pnpState = Winscard.SCARD_STATE_UNAWARE;
            }
            if (known == null) {
                readerState = Winscard.SCARD_STATE_UNAWARE;
            }
            Winscard.ReaderState[] states = (Winscard.ReaderState[]) new Winscard.ReaderState().toArray(2);
            states[0].szReader = reader;
            states[0].dwCurrentState = new NativeLong(readerState);
            states[1].szReader = Winscard.PNP_NOTIFICATION;
            states[1].dwCurrentState = new NativeLong(pnpState);
            int rc = lib.SCardGetStatusChange(context, new NativeLong(Math.max(0, timeout.toMillis())), states,
                    new NativeLong(2)).intValue();
            String name = PcscFaults.nameOf(rc);
            if (rc != Winscard.SCARD_S_SUCCESS && !name.equals("SCARD_E_TIMEOUT") && !name.equals("SCARD_E_CANCELLED")) {
                if (PcscFaults.serviceGone(rc) || context == null) {
                    dropContext();
                }
                throw PcscFaults.ofCode(rc, "reader '" + reader + "', waiting for a change");
            }
            if (rc == Winscard.SCARD_S_SUCCESS) {
                readerState = states[0].dwEventState.longValue() & ~Winscard.SCARD_STATE_CHANGED;
                pnpState = states[1].dwEventState.longValue() & ~Winscard.SCARD_STATE_CHANGED;
            }
            return stateOf(readerState);
        }

        private SlotState stateOf(long state) {
            long events = (state >>> 16) & 0xFFFF;
            if ((state & (Winscard.SCARD_STATE_UNKNOWN | Winscard.SCARD_STATE_UNAVAILABLE | Winscard.SCARD_STATE_IGNORE)) != 0
                    || state == Winscard.SCARD_STATE_UNAWARE) {
                return new SlotState(Slot.NO_READER, events);
            }
            return new SlotState((state & Winscard.SCARD_STATE_PRESENT) != 0 ? Slot.CARD : Slot.EMPTY, events);
        }

        private void dropContext() {
            Pointer c = context;
            context = null;
            if (c != null) {
                release(c);
            }
        }

        @Override
        public void cancel() {
            Pointer c = context;
            if (c != null) {
                lib.SCardCancel(c);
            }
        }

        @Override
        public void close() {
            dropContext();
        }
    }
}
