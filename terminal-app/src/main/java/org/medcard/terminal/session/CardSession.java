package org.medcard.terminal.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.medcard.apdu.CardRefusal;
import org.medcard.card.MedicalCard;
import org.medcard.queue.Fault;
import org.medcard.psam.Psam;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.load.MonthlyLoads;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.status.PartListener.Part;
import org.medcard.terminal.status.StatusReport;
import org.medcard.terminal.text.Texts;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening the card in the slot, the same way for every desk and front end (pharmacy sale, registration,
 * outpatient settlement, re-settlement, {@code card info}, the desktop counter):
 * <ol>
 *   <li>connect the card and the PSAM;</li>
 *   <li>tearing recovery: torn sales of this card are resolved first (R10), so a torn debit is never paid twice;</li>
 *   <li>R15: when online, the card's pending monthly loads are credited, so the check reads the new balance — the
 *       amount loaded is reported for the cashier;</li>
 *   <li>the status check of all three sources: the card, the downloaded blacklist, the center's {@code 1101}
 *       ({@link CardCheck}; R5, R7, R8, R9).</li>
 * </ol>
 * Each part's state (reader, PSAM, card, center) is reported to the {@link PartListener}. Runs on the reader's
 * worker thread.
 */
public final class CardSession {
    private static final Logger LOG = LoggerFactory.getLogger(CardSession.class);

    /** Whether the session credits pending monthly loads (R15) when online. */
    public enum Loads { APPLY, SKIP }

    /** Why the card could not be opened; each desk decides what follows (cash and re-settlement, or a refusal). */
    public enum Failure {
        /** The reader is gone or the PC/SC service is down. */
        NO_READER,
        /** The card did not answer (pulled, dirty contacts). */
        CARD_UNREADABLE,
        /** The PSAM failed. */
        PSAM_FAILURE,
        /** Not a medical-insurance card this terminal can use (no application, unknown to the center). */
        UNUSABLE_CARD
    }

    /** How opening ended: a card ready to use, or why not. */
    public sealed interface Opening permits Opened, NotOpened {
    }

    /**
     * The card is read and checked.
     *
     * @param center    the center's API when online at the time of the check, else empty
     * @param recovered torn sales of this card resolved first
     * @param loads     R15 loads of this contact (credited, recovered or refused)
     */
    public record Opened(MedicalCard card, Psam psam, CardView view, Optional<HostApi> center,
                         List<TornSale> recovered, List<MonthlyLoads.Outcome> loads) implements Opening {
        public Opened {
            recovered = List.copyOf(recovered);
            loads = List.copyOf(loads);
        }

        /** R15: the money credited onto the card in this contact, in fen (0 when nothing was pending). */
        public long loadedFen() {
            return loads.stream().filter(o -> o.result() == MonthlyLoads.Result.CREDITED)
                    .mapToLong(MonthlyLoads.Outcome::amountFen).sum();
        }
    }

    /**
     * The card could not be opened; {@code detail} is for the log and the technician (a card fault's kind by name),
     * {@link #said} for the cashier.
     *
     * @param cardFault the reader's or card's fault kind, when a {@link CardFault} stopped it
     */
    public record NotOpened(Failure failure, String detail, Optional<CardFault.Kind> cardFault) implements Opening, LoadRun, Contact {
        public NotOpened {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(cardFault, "cardFault");
        }

        /** Not opened for a reason other than a card fault (an unusable card, a PSAM refusal). */
        public NotOpened(Failure failure, String detail) {
            this(failure, detail, Optional.empty());
        }

        /** Why, as one plain phrase in the user's language: the card fault's words, else the failure's; never an enum. */
        public String said(Texts words) {
            if (cardFault.isPresent()) {
                return words.cardFault(cardFault.get());
            }
            return switch (failure) {
                case NO_READER -> words.faultName(Fault.NO_READER);
                case CARD_UNREADABLE -> words.faultName(Fault.CARD_UNREADABLE);
                case PSAM_FAILURE -> words.faultName(Fault.PSAM_FAILURE);
                case UNUSABLE_CARD -> words.text("sale.card_unusable");
            };
        }
    }

    /** How {@link #loadNow()} ended: the loads applied, no center to ask, or why the card could not be opened. */
    public sealed interface LoadRun permits Loaded, NoCenter, NotOpened {
    }

    /**
     * {@code medcard card load} done: torn sales of this card resolved, then its pending loads (R15, R2 refunds) applied.
     *
     * @param recovered torn sales of this card resolved first
     * @param loads     every pending load of this contact (credited, recovered, refused or unknown)
     */
    public record Loaded(MedicalCard card, Psam psam, List<TornSale> recovered, List<MonthlyLoads.Outcome> loads) implements LoadRun {
        public Loaded {
            recovered = List.copyOf(recovered);
            loads = List.copyOf(loads);
        }
    }

    /** The center cannot be reached (or the terminal runs {@code --offline}): loads need it, the card was not touched. */
    public record NoCenter() implements LoadRun {
    }

    private final CardSlot slot;
    private final Supplier<Optional<HostApi>> center;
    private final TornSales tornSales;
    private final PendingLoads pendingLoads;
    private final CardCheck check;
    private final PartListener parts;

    /**
     * @param center the center's API while the terminal may talk to it (signing in again when needed), else empty
     */
    public CardSession(CardSlot slot, Supplier<Optional<HostApi>> center, TornSales tornSales, PendingLoads pendingLoads,
                       CardCheck check, PartListener parts) {
        this.slot = slot;
        this.center = center;
        this.tornSales = tornSales;
        this.pendingLoads = pendingLoads;
        this.check = check;
        this.parts = parts;
    }

    /**
     * Opens the card in the slot: card, PSAM, torn sales, loads (R15, with {@link Loads#APPLY}), status check.
     * A {@link CardRefusal} of the card during recovery or the check propagates (the card answered, but no).
     */
    public Opening open(Loads loads) {
        Contact contact = connectBoth();
        if (contact instanceof NotOpened no) {
            return no;
        }
        MedicalCard card = ((Connected) contact).card();
        Psam psam = ((Connected) contact).psam();
        Optional<HostApi> api = center.get();
        try {
            List<? extends TornSale> recovered = tornSales.recover(card, psam);
            List<MonthlyLoads.Outcome> loaded = loads == Loads.APPLY ? applyLoads(card, psam, api) : List.of();
            CardView view = check.check(card, psam, api);
            if (api.isPresent() && !view.online() && view.verdict().decisive().source() != StatusReport.Source.CENTER) {
                // A refusal with a status (2002) is the center's answer, not a fault of the center.
                parts.fault(Part.CENTER, "center did not answer 1101");
            }
            return new Opened(card, psam, view, api, List.copyOf(recovered), loaded);
        } catch (CardFault e) {
            parts.cardFault(e);
            LOG.warn("Card not opened: {}", e.getMessage());
            return new NotOpened(Failure.CARD_UNREADABLE, e.getMessage(), Optional.of(e.kind()));
        } catch (UnusableCardException e) {
            return new NotOpened(Failure.UNUSABLE_CARD, e.getMessage());
        }
    }

    /**
     * {@code medcard card load}: the session's first three steps on their own — the center first (loads need it; without
     * it the card is not touched), card and PSAM, torn sales of this card (R10), then the card's pending loads — without
     * the status check, which the loads do not need. Unlike a sale's contact, the center failing to list or confirm the
     * loads is this run's failure: {@link CenterUnreachable} and {@link CenterRefusal} propagate, as does a
     * {@link CardRefusal} of the card.
     */
    public LoadRun loadNow() {
        Optional<HostApi> api = center.get();
        if (api.isEmpty()) {
            return new NoCenter();
        }
        Contact contact = connectBoth();
        if (contact instanceof NotOpened no) {
            return no;
        }
        Connected connected = (Connected) contact;
        try {
            List<? extends TornSale> recovered = tornSales.recover(connected.card(), connected.psam());
            List<MonthlyLoads.Outcome> loaded = pendingLoads.apply(connected.card(), connected.psam().terminalId(), api.get());
            return new Loaded(connected.card(), connected.psam(), List.copyOf(recovered), loaded);
        } catch (CardFault e) {
            parts.cardFault(e);
            return new NotOpened(Failure.CARD_UNREADABLE, e.getMessage());
        }
    }

    /** Step 1 of every contact: the card and the PSAM connected, or why not. */
    private sealed interface Contact permits Connected, NotOpened {
    }

    private record Connected(MedicalCard card, Psam psam) implements Contact {
    }

    /** The card in the slot, then the PSAM; a fault of either marks its part. */
    private Contact connectBoth() {
        MedicalCard card;
        try {
            card = connect();
        } catch (CardFault e) {
            boolean reader = e.kind() == CardFault.Kind.READER_UNAVAILABLE || e.kind() == CardFault.Kind.NO_SERVICE;
            LOG.warn("Card not opened: {}", e.getMessage()); // the kind by name, for the technician
            return new NotOpened(reader ? Failure.NO_READER : Failure.CARD_UNREADABLE, e.getMessage(), Optional.of(e.kind()));
        }
        try {
            return new Connected(card, psam());
        } catch (CardFault e) {
            LOG.warn("PSAM not opened: {}", e.getMessage());
            return new NotOpened(Failure.PSAM_FAILURE, e.getMessage(), Optional.of(e.kind()));
        } catch (CardRefusal e) {
            psamFaulted("PSAM refused: " + e.getMessage());
            return new NotOpened(Failure.PSAM_FAILURE, e.getMessage());
        }
    }

    /** A fresh connection to the card in the slot; a fault marks the reader or the card. */
    public MedicalCard connect() {
        try {
            CardTransport t = slot.connectCard();
            parts.ok(Part.READER, t.name());
            parts.ok(Part.CARD, "card present");
            return new MedicalCard(t);
        } catch (CardFault e) {
            parts.cardFault(e);
            throw e;
        }
    }

    /** The PSAM, reopened after a fault. */
    public Psam psam() {
        try {
            Psam p = slot.psam();
            parts.ok(Part.PSAM, "PSAM " + p.terminalId().hex());
            return p;
        } catch (CardFault e) {
            psamFaulted("PSAM unusable: " + e.getMessage());
            throw e;
        }
    }

    /** The PSAM failed (e.g. during MAC1): the status bar says so and the next use reopens it. */
    public void psamFaulted(String reason) {
        parts.fault(Part.PSAM, reason);
        slot.psamFaulted();
    }

    /** The card left the slot: the status bar says "no card" again. */
    public void cardRemoved() {
        parts.none(Part.CARD, "no card");
    }

    /**
     * R15: the center being away or refusing the listing, or the card refusing a load, never stops the contact
     * (the loads wait for the next one); a pulled card does (a card fault).
     */
    private List<MonthlyLoads.Outcome> applyLoads(MedicalCard card, Psam psam, Optional<HostApi> api) {
        if (api.isEmpty()) {
            return List.of();
        }
        try {
            return pendingLoads.apply(card, psam.terminalId(), api.get());
        } catch (CenterUnreachable | CenterRefusal | CardRefusal e) {
            LOG.warn("R15 loads skipped for this contact: {}", e.getMessage());
            return List.of();
        }
    }
}
