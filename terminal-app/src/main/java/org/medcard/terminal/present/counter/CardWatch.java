package org.medcard.terminal.present.counter;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.medcard.card.IdNumber;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card slot as every desk sees it (issue 15: one path per job): looks at the slot, reads each new card once through
 * the one card session ({@link CardDesk#read()}: torn sales, R15 loads, the status check) and tells every desk that
 * listens what the card panel shows. The pharmacy counter and the registration desk share one watch, so a card is read
 * once however many screens show it, and a card put in at one desk is the card on the other.
 *
 * <p>Threads: {@link #poll()} and the training-card methods may be called on any thread and do their work on
 * {@code worker} (the reader's one thread); the slot's state belongs to the worker. Listeners are told on {@code ui},
 * where {@link #card()} belongs too.
 */
public final class CardWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CardWatch.class);
    /** How many more times a card whose read failed on a device is read again (not for ever: a mute card). */
    private static final int REREADS = 3;

    /** What changed in the slot. */
    public enum Change {
        /** A card was read: checked, refused by a rule, not a usable card, or its read failed on a device. */
        READ,
        /** The card left the slot. */
        REMOVED,
        /** The slot could not be asked (a polled reader gone): the panel is empty, the reader is at fault. */
        READER_FAULT,
        /** The card paid at one desk: its balance now (the same card, read no further). */
        BALANCE
    }

    /**
     * What the panel shows now, and why.
     *
     * @param deviceFault the read failed on the reader, the card or the PSAM (R11 case 2: the cash path), for {@link Change#READ}
     * @param load        R15 money credited onto the card at this read, empty when none was
     */
    public record Shown(Change change, CardPanel panel, boolean deviceFault, Optional<MoneyLines.CardLoad> load) {
        /** A card came and was read with its holder: the line under the panel is this patient's, not the last one's. */
        public boolean newPatient() {
            return change == Change.READ;
        }
    }

    /** A desk showing the card panel; told on the UI thread. */
    public interface Listener {
        void cardShown(Shown shown);
    }

    private final CardDesk cards;
    private final CounterWords words;
    private final Texts texts;
    private final Executor worker;
    private final Executor ui;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    // worker thread
    private Boolean cardInSlot;
    /** The reader's count of presented cards at the last look: a new count is a card to read, even if never seen absent. */
    private long cardGeneration = -1;
    /** How many more times the card in the slot is read again after a read that failed on a device. */
    private int rereadsLeft;
    // UI thread
    private CardPanel card;
    /** The card last read (the worker writes, a desk reads): the rule that keeps the fund out is worked out on it. */
    private volatile CardView lastRead;

    /**
     * @param texts the card panel's words (the counter's bundle, {@link CounterModel#BUNDLE}) in the terminal's language
     */
    public CardWatch(CardDesk cards, CounterWords words, Texts texts, Executor worker, Executor ui) {
        this.cards = cards;
        this.words = words;
        this.texts = texts;
        this.worker = worker;
        this.ui = ui;
        this.card = CardPanel.empty(texts.text("card.insert"));
    }

    /** Adds a desk that shows the card; it asks {@link #card()} for what is shown already. */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** The card panel shown now (UI thread). */
    public CardPanel card() {
        return card;
    }

    /** Whether the reader is at fault now (the status bar's state): pay offers cash without a card (R11 case 2). */
    public boolean readerAtFault() {
        return cards.readerAtFault();
    }

    /** Looks at the card slot (on the worker); a new card is read and shown, a removed one cleared. Any thread. */
    public void poll() {
        worker.execute(this::checkSlot);
    }

    /**
     * The card in the slot paid at a desk and its balance is {@code fen} now (UI thread): every panel shows it, the
     * card is not read again for that.
     */
    public void paid(long fen) {
        if (fen < 0 || !card.present()) {
            return;
        }
        tell(new Shown(Change.BALANCE, card.withBalance(fen), false, Optional.empty()));
    }

    /**
     * Why the pooling fund pays nothing for the card last read, in words with its rule (the sale policy's reason, the
     * one the counter's split shows: R3, R4, R6, R11, R12), when that card is {@code cardNoMasked}; empty when the fund
     * may pay, or when no card or another card was read. Any thread.
     */
    public Optional<String> noPoolingReason(String cardNoMasked, boolean forFamily) {
        CardView v = lastRead;
        if (v == null || !v.info().cardNo().masked().equals(cardNoMasked)) {
            return Optional.empty();
        }
        return words.noPoolingReason(v, forFamily);
    }

    // ---------------------------------------------------------------- training cards

    /** The simulated cards, when the training reader is in use (empty otherwise). */
    public List<TrainingCard> trainingCards() {
        return cards.trainingCards();
    }

    /**
     * Puts a training card in the simulated slot (as a cashier would insert a real one) and reads it; when it cannot be
     * put in, {@code problem} gets the line to show (on the UI thread), at the desk that asked.
     */
    public void presentTrainingCard(String profile, Consumer<String> problem) {
        worker.execute(() -> {
            try {
                cards.presentTrainingCard(profile);
            } catch (IOException | RuntimeException e) {
                String line = texts.text("card.training_failed", profile, e.getMessage());
                ui.execute(() -> problem.accept(line));
                return;
            }
            cardInSlot = false;
            checkSlot();
        });
    }

    public void removeTrainingCard() {
        worker.execute(() -> {
            cards.removeTrainingCard();
            checkSlot();
        });
    }

    // ---------------------------------------------------------------- on the worker

    private void checkSlot() {
        boolean now;
        try {
            now = cards.cardPresent();
        } catch (RuntimeException e) {
            LOG.debug("Card slot not readable: {}", e.getMessage());
            readerFaulted(e);
            return;
        }
        cards.readerAnswered();
        long generation = cards.cardGeneration();
        boolean sameCard = cardInSlot != null && cardInSlot == now && (!now || generation == cardGeneration);
        if (sameCard && !(now && rereadsLeft > 0)) {
            return;
        }
        if (!sameCard) {
            rereadsLeft = REREADS;
        } else {
            // The last read of this card failed on a device (e.g. the PSAM's reader came back a moment after the
            // card's, after a pcscd restart): read it again on the next poll, a few times, not for ever (a mute card).
            rereadsLeft--;
        }
        cardInSlot = now;
        cardGeneration = generation;
        lastRead = null;
        if (now) {
            readCard();
        } else {
            cards.cardRemoved();
            tellOnUi(new Shown(Change.REMOVED, CardPanel.empty(texts.text("card.insert")), false, Optional.empty()));
        }
    }

    /**
     * The slot could not be asked (a serial reader whose port is missing, a reader answering garbage): the status bar
     * says so at once (issue 14), the card panel is cleared and pay offers the cash path. A PC/SC reader's faults
     * arrive as watch events; this covers the readers that are only polled.
     */
    private void readerFaulted(RuntimeException e) {
        // Asking the slot's state involves no card: whatever failed, it is the reader's fault. The tooltip carries
        // what the reader said, without the fault kind's enum name (the tag names the fault in words).
        String reason = String.valueOf(e.getMessage()).replaceFirst("^[A-Z_]+: ", ""); // a CardFault's "KIND: " prefix
        cards.readerFaulted(reason);
        if (Boolean.TRUE.equals(cardInSlot) || cardInSlot == null) {
            cardInSlot = false;
            lastRead = null;
            tellOnUi(new Shown(Change.READER_FAULT, CardPanel.empty(texts.text("card.insert")), false, Optional.empty()));
        }
    }

    /** Opens the card through the one card session: torn sales first, R15 loads (the amount is shown), status check. */
    private void readCard() {
        CardPanel panel;
        long loaded = 0;
        String loadMonth = null;
        boolean fault = false;
        try {
            CardDesk.Reading reading = cards.read();
            if (reading instanceof CardDesk.Read o) {
                lastRead = o.view();
                panel = panelOf(o.view());
                loaded = o.loadedFen();
                loadMonth = o.loadMonth().orElse(null);
            } else {
                CardDesk.Unread no = (CardDesk.Unread) reading;
                LOG.warn("Card could not be read{}: {}", no.unusable() ? " (unusable card)" : "", no.detail());
                fault = !no.unusable();
                panel = no.unusable() ? refusedPanel(words.message("sale.card_unusable"))
                        : refusedPanel(texts.text("card.unreadable", no.detail()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Card could not be read: {}", e.getMessage());
            panel = refusedPanel(texts.text("card.unreadable", e.getMessage()));
            fault = true;
        }
        if (!fault) {
            rereadsLeft = 0; // read (or refused by its rules, or not a usable card): nothing to read again
        }
        Optional<MoneyLines.CardLoad> load = loaded > 0 ? Optional.of(new MoneyLines.CardLoad(loaded, loadMonth)) : Optional.empty();
        tellOnUi(new Shown(Change.READ, panel, fault, load));
    }

    private void tellOnUi(Shown shown) {
        ui.execute(() -> tell(shown));
    }

    /** UI thread: what the panel shows now, to every desk. */
    private void tell(Shown shown) {
        card = shown.panel();
        listeners.forEach(l -> l.cardShown(shown));
    }

    private CardPanel refusedPanel(String text) {
        return new CardPanel(true, "", "", "", "", "", OptionalLong.empty(), CardPanel.Banner.REFUSED, text, List.of());
    }

    /** The panel of a read card: green, amber with the rule's note (R4, offline), or red with the refusing rule. */
    CardPanel panelOf(CardView v) {
        CardPanel.Banner banner;
        String text;
        if (v.verdict().refused() || !v.verdict().personalAccountUsable()) {
            banner = CardPanel.Banner.REFUSED;
            text = words.message(v.verdict().messageKey().orElse("status.blocked"));
        } else if (v.verdict().messageKey().isPresent()) {
            banner = CardPanel.Banner.WARNING;
            text = words.message(v.verdict().messageKey().get());
        } else if (!v.online()) {
            banner = CardPanel.Banner.WARNING;
            text = texts.text("card.offline");
        } else {
            banner = CardPanel.Banner.OK;
            text = texts.text(v.verdict().status() == CardStatus.NORMAL ? "card.ok" : "card.usable");
        }
        boolean familyOffered = words.familyPaymentOffered(v.scheme(), v.online());
        String scheme = texts.has("scheme." + v.scheme()) ? texts.text("scheme." + v.scheme()) : v.scheme();
        return new CardPanel(true, v.holder().name(), IdNumber.mask(v.holder().idNumber().value()), v.info().cardNo().masked(),
                scheme, v.cardRegion(), v.balanceFen(), banner, text,
                familyOffered ? v.person().map(p -> p.family()).orElse(List.of()) : List.of());
    }
}
