package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.apdu.CardRefusal;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.device.Devices;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardView;
import org.medcard.transport.pcsc.ReaderEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medcard card watch}: runs until stopped and prints one line per event of the card reader — the reader's
 * state (OK, or FAULT with the plain reason) and each card presented (read like {@code card info}: masked card
 * number, status, holder's name) or removed. A technician checks a reader with it; tests use it.
 *
 * <p>PC/SC readers are watched through events (SCardGetStatusChange) and come back by themselves after the
 * smart-card service restarts; the simulator and serial readers are looked at every {@value #POLL_MS} ms.
 */
@Command(name = "watch", description = "Print one line per reader event (reader OK/FAULT, card presented/removed) until stopped.",
        mixinStandardHelpOptions = true)
final class CardWatchCommand implements java.util.concurrent.Callable<Integer> {

    static final long POLL_MS = 250;

    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Mixin
    SimCardOption simCard;

    @Option(names = "--events", paramLabel = "N", description = "stop after N events (default: run until stopped)")
    int maxEvents;

    @Spec
    CommandSpec spec;

    CardWatchCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Terminal t = TerminalCommands.open(options, env, err)) {
            simCard.present(t, spec.commandLine());
            BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
            boolean pcsc = t.config().reader().kind() == DeviceChoice.Kind.PCSC;
            if (pcsc) {
                t.devices().addListener(d -> {
                    if (d.role() == Devices.Role.CARD_READER) {
                        events.add(d.event());
                    }
                });
                t.devices().watchReaders();
            }
            String reader = t.config().reader().target().isEmpty() ? t.config().reader().toString() : t.config().reader().target();
            Boolean polled = null;
            int printed = 0;
            while (maxEvents <= 0 || printed < maxEvents) {
                ReaderEvent e;
                if (pcsc) {
                    e = events.take();
                } else {
                    // No events from the simulator or a serial reader: look at the slot.
                    e = events.poll(POLL_MS, TimeUnit.MILLISECONDS);
                    if (e == null) {
                        boolean now = t.devices().cardPresent();
                        if (polled == null) {
                            events.add(new ReaderEvent(reader, ReaderEvent.Kind.READER_OK, "reader answers"));
                        }
                        if (polled == null ? now : polled != now) {
                            events.add(new ReaderEvent(reader, now ? ReaderEvent.Kind.CARD_PRESENTED : ReaderEvent.Kind.CARD_REMOVED, ""));
                        }
                        polled = now;
                        continue;
                    }
                }
                print(out, t, e);
                printed++;
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void print(PrintWriter out, Terminal t, ReaderEvent e) {
        ObjectNode n = TerminalCommands.JSON.createObjectNode();
        String text;
        switch (e.kind()) {
            case READER_OK, READER_FAULT -> {
                String state = e.kind() == ReaderEvent.Kind.READER_OK ? "OK" : "FAULT";
                n.put("event", "reader").put("reader", e.reader()).put("state", state).put("reason", e.reason());
                text = "reader " + e.reader() + ": " + state + (e.kind() == ReaderEvent.Kind.READER_FAULT ? " \u2014 " + e.reason() : "");
            }
            case CARD_REMOVED -> {
                n.put("event", "card").put("reader", e.reader()).put("state", "removed");
                text = "card removed";
            }
            default -> {
                n.put("event", "card").put("reader", e.reader()).put("state", "presented");
                text = readCard(t, n);
            }
        }
        if (options.json) {
            TerminalCommands.printJson(out, n);
        } else {
            out.println(text);
        }
        out.flush();
    }

    /**
     * Reads the card like {@code card info}: through the terminal's one card session (torn sales first, no loads, the
     * status check); fills {@code n}; returns the plain line.
     */
    private String readCard(Terminal t, ObjectNode n) {
        try {
            CardSession.Opening opening = t.cardSession().open(CardSession.Loads.SKIP);
            if (opening instanceof CardSession.NotOpened no) {
                n.put("error", no.detail());
                return "card presented, " + t.messages().text("card.not_readable", no.said(t.messages()));
            }
            CardView v = ((CardSession.Opened) opening).view();
            String cardNo = v.info().cardNo().masked();
            String status = v.verdict().status().name();
            n.put("card_no", cardNo).put("status", status).put("name", v.holder().name());
            return "card presented: " + cardNo + " " + status + " " + v.holder().name();
        } catch (CardRefusal e) {
            n.put("error", e.getMessage());
            return "card presented, not readable: " + e.getMessage();
        } catch (RuntimeException e) {
            n.put("error", e.toString());
            return "card presented, not readable: " + e;
        }
    }
}
