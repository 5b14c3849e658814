package org.medcard.terminal.ui.counter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.present.counter.CardDesk;
import org.medcard.terminal.present.counter.CardWatch;
import org.medcard.terminal.present.counter.Checkout;
import org.medcard.terminal.present.counter.CounterModel;
import org.medcard.terminal.present.counter.CounterWords;
import org.medcard.terminal.present.counter.ItemLookup;
import org.medcard.terminal.present.counter.ReceiptOutput;
import org.medcard.terminal.present.counter.TrainingCard;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.sale.PlanConfirmation;
import org.medcard.terminal.sale.SaleDocuments;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.sale.SaleTexts;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.text.Texts;

/**
 * The desktop's wiring of the counter's ports to the real terminal: the downloaded catalog, the reader and the one
 * card session, the pharmacy sale with its words and receipts, and the receipt desk. Everything comes from the
 * root ({@link Terminal}); nothing is constructed here but the adapters.
 */
public final class TerminalCounterPorts {

    private TerminalCounterPorts() {
    }

    public static CounterModel.Ports of(Terminal t, ReceiptOutput receipts) {
        SaleTexts texts = t.saleTexts();
        SaleDocuments documents = t.saleDocuments();
        CardDesk cards = cardDesk(t);
        ItemLookup catalog = new ItemLookup() {
            @Override
            public Optional<CatalogItem> item(String code) {
                return t.downloads().item(code);
            }

            @Override
            public List<CatalogItem> search(String text, int limit) {
                return t.downloads().search(text, limit);
            }

            @Override
            public boolean empty() {
                return t.downloads().catalogVersion() == 0;
            }
        };
        Checkout checkout = new Checkout() {
            @Override
            public SaleOutcome sell(SaleRequest request, PlanConfirmation confirmation) {
                return t.pharmacySale().confirmingWith(confirmation).sell(request);
            }

            @Override
            public String line(SaleOutcome outcome) {
                return texts.line(outcome);
            }

            @Override
            public Optional<ReceiptDocument> receipt(SaleOutcome outcome, String cashier) {
                return documents.of(outcome, cashier);
            }
        };
        CounterWords words = words(t);
        return new CounterModel.Ports(catalog, cards, checkout, words, receipts);
    }

    /**
     * The app's one card watch (issue 15): the counter and the registration desk show its card, read once through the
     * one card session. The caller polls it ({@link CardWatch#poll()}) once every desk listens.
     */
    public static CardWatch cardWatch(Terminal t, Executor worker, Executor ui) {
        return new CardWatch(cardDesk(t), words(t), Texts.of(CounterModel.BUNDLE, t.config().language()), worker, ui);
    }

    /** The reader and the one card session, as the card panel's port. */
    static CardDesk cardDesk(Terminal t) {
        return new CardDesk() {
            @Override
            public boolean cardPresent() {
                return t.devices().cardPresent();
            }

            @Override
            public void readerFaulted(String reason) {
                t.parts().fault(org.medcard.terminal.status.PartListener.Part.READER, reason);
            }

            @Override
            public void readerAnswered() {
                // PC/SC readers say so through the watch's READER_OK; a polled reader by answering.
                if (t.config().reader().kind() != org.medcard.terminal.config.DeviceChoice.Kind.PCSC
                        && !t.state().reader().isOk()) {
                    t.parts().ok(org.medcard.terminal.status.PartListener.Part.READER, t.config().reader().toString());
                }
            }

            @Override
            public boolean readerAtFault() {
                return t.state().reader().health() == org.medcard.terminal.status.PartState.Health.FAULT;
            }

            @Override
            public long cardGeneration() {
                return t.devices().cardGeneration();
            }

            @Override
            public Reading read() {
                CardSession.Opening opening = t.cardSession().open(CardSession.Loads.APPLY);
                if (opening instanceof CardSession.Opened o) {
                    return new Read(o.view(), o.loadedFen(), java.util.Optional.ofNullable(loadMonth(o)));
                }
                CardSession.NotOpened no = (CardSession.NotOpened) opening;
                // The cashier reads the fault in words; its kind by name is in the log (CardSession, the card watch's line).
                return new Unread(no.failure() == CardSession.Failure.UNUSABLE_CARD, no.said(t.messages()));
            }

            @Override
            public void cardRemoved() {
                t.cardSession().cardRemoved();
            }

            @Override
            public List<TrainingCard> trainingCards() {
                return t.devices().training().map(r -> r.cards().stream()
                        .map(c -> new TrainingCard(c.profile(), c.name(), c.description())).toList()).orElse(List.of());
            }

            @Override
            public void presentTrainingCard(String profile) throws IOException {
                t.devices().training().orElseThrow().present(profile);
            }

            @Override
            public void removeTrainingCard() {
                t.devices().training().ifPresent(r -> r.remove());
            }
        };
    }

    /** The terminal's message catalogue, relation names and the family rule. */
    static CounterWords words(Terminal t) {
        return new CounterWords() {
            @Override
            public String message(String key, Object... args) {
                return t.messages().text(key, args);
            }

            @Override
            public String relationName(String relation) {
                return t.messages().relationName(relation);
            }

            @Override
            public boolean familyPaymentOffered(String scheme, boolean online) {
                return t.salePolicy().familyPaymentOffered(scheme, online);
            }

            @Override
            public Optional<String> noPoolingReason(org.medcard.terminal.session.CardView card, boolean forFamily) {
                return t.salePolicy().noPooling(card, forFamily, java.time.LocalDate.now(t.clock()))
                        .map(n -> t.messages().text("split.no_pooling." + n.rule(), n.from() == null ? "" : n.from().toString()));
            }
        };
    }

    /** The months of this contact's credited loads (a credited load's note is its month), or null when none says. */
    private static String loadMonth(org.medcard.terminal.session.CardSession.Opened o) {
        List<String> months = o.loads().stream().filter(l -> l.result() == org.medcard.terminal.load.MonthlyLoads.Result.CREDITED)
                .map(l -> l.note()).filter(n -> n != null && n.matches("\\d{4}-?\\d{2}")).distinct().sorted().toList();
        return months.isEmpty() ? null : String.join(", ", months);
    }

}
