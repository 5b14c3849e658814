package org.medcard.transport.pcsc;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * {@link PcscBackend} over a {@code javax.smartcardio} provider: the JDK's SunPCSC (the fallback,
 * {@code pcsc.provider=sun}) or an injected one such as the simulator's. SunPCSC keeps one PC/SC context per JVM
 * and never re-establishes it: after pcscd restarts, it answers {@code SCARD_E_NO_SERVICE} until the JVM
 * restarts. Slot changes are found by short waits ({@code waitForCardPresent/Absent}), not events.
 */
final class SmartcardioPcsc implements PcscBackend {

    /** How long one look of the watcher waits; javax.smartcardio has no way to wake a waiting thread. */
    private static final Duration WATCH_STEP = Duration.ofMillis(200);

    private final Supplier<TerminalFactory> factory;
    private final String type;

    SmartcardioPcsc(Supplier<TerminalFactory> factory, String type) {
        this.factory = factory;
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<String> readerNames() {
        TerminalFactory f = factory.get();
        try {
            return f.terminals().list().stream().map(CardTerminal::getName).toList();
        } catch (CardException e) {
            throw PcscFaults.translate(e, "listing readers (" + f.getType() + ")");
        }
    }

    @Override
    public boolean waitFor(String reader, Duration timeout, boolean present) {
        CardTerminal terminal = terminal(reader);
        try {
            return present ? terminal.waitForCardPresent(timeout.toMillis()) : terminal.waitForCardAbsent(timeout.toMillis());
        } catch (CardException | IllegalStateException e) {
            throw fault(e, reader, "waiting for the card to be " + (present ? "inserted" : "removed"));
        }
    }

    @Override
    public CardTransport open(String reader, String protocol) {
        CardTerminal terminal = terminal(reader);
        Card card;
        try {
            card = terminal.connect(protocol);
        } catch (CardException | IllegalStateException e) {
            throw fault(e, reader, "connecting with protocol " + protocol);
        }
        return new PcscTransport(terminal, card, this::readersForMessage);
    }

    @Override
    public SlotWatcher watcher(String reader) {
        return new SlotWatcher() {
            @Override
            public SlotState await(SlotState known, Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                SlotState now = look(reader);
                while (known != null && now.equals(known) && System.nanoTime() < deadline) {
                    if (now.slot() == Slot.NO_READER) {
                        sleep(WATCH_STEP);
                        now = look(reader);
                    } else {
                        waitFor(reader, WATCH_STEP, now.slot() == Slot.EMPTY);
                        now = look(reader);
                    }
                }
                return now;
            }

            @Override
            public void cancel() {
                // Waits are short; the watcher's loop sees its stop flag within WATCH_STEP.
            }

            @Override
            public void close() {
                // No context of our own.
            }
        };
    }

    private SlotState look(String reader) {
        if (!readerNames().contains(reader)) {
            return new SlotState(Slot.NO_READER, 0);
        }
        try {
            return new SlotState(terminal(reader).isCardPresent() ? Slot.CARD : Slot.EMPTY, 0);
        } catch (CardException e) {
            throw fault(e, reader, "card presence");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CardTerminal terminal(String reader) {
        TerminalFactory f = factory.get();
        List<CardTerminal> present;
        try {
            present = f.terminals().list();
        } catch (CardException e) {
            throw PcscFaults.translate(e, "reader '" + reader + "'");
        }
        return present.stream().filter(t -> t.getName().equals(reader)).findFirst()
                .orElseThrow(() -> new CardFault(CardFault.Kind.READER_UNAVAILABLE, "no reader named '" + reader
                        + "'; readers present: " + present.stream().map(CardTerminal::getName).toList()));
    }

    /** A translated fault; for reader problems, names the readers that do exist. */
    private CardFault fault(Exception e, String reader, String action) {
        String context = "reader '" + reader + "', " + action;
        if (PcscFaults.kindOf(e) == CardFault.Kind.READER_UNAVAILABLE) {
            context += "; readers present: " + readersForMessage();
        }
        return PcscFaults.translate(e, context);
    }

    private String readersForMessage() {
        try {
            return readerNames().toString();
        } catch (CardFault unavailable) {
            return "(cannot list: " + unavailable.kind() + ")";
        }
    }
}
