package org.medcard.terminal.present.counter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.medcard.card.IdNumber;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.CardStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pharmacy counter. The cart, the shown card and the last receipt belong to the UI thread; catalog look-ups,
 * card reads and the sale run on the worker (the reader's one thread). During a sale the worker asks the view
 * (split, PIN, ID number) through the UI executor and waits for the answer: the sale flow itself stays in
 * the sale ({@link Checkout}), reached through its {@link org.medcard.terminal.sale.PlanConfirmation} hook and a
 * {@link PinSource}. Everything behind the counter comes through its small ports ({@link Ports}): the model runs
 * without SQLite, HTTP or a reader when they are stood in for.
 */
public final class CounterModel {

    public static final String BUNDLE = "org.medcard.terminal.present.counter.counter";
    private static final Logger LOG = LoggerFactory.getLogger(CounterModel.class);
    private static final int SEARCH_LIMIT = 50;
    /** The sale's answers that ask the cashier for the ID number from the ID card (R11 case 2). */
    private static final java.util.Set<String> ID_QUESTIONS = java.util.Set.of("sale.id_number_needed", "sale.id_check_digit");

    /**
     * What the counter needs from the terminal behind it.
     *
     * @param catalog  item look-up and search
     * @param cards    the card slot and the card session
     * @param checkout the sale, its words and its receipt
     * @param words    the terminal's messages and relation names, the family rule
     * @param receipts the receipt desk: journal, print, save
     */
    public record Ports(ItemLookup catalog, CardDesk cards, Checkout checkout, CounterWords words, ReceiptOutput receipts) {
    }

    private final ItemLookup catalog;
    private final CardDesk cards;
    private final Checkout checkout;
    private final CounterWords words;
    private final ReceiptOutput receipts;
    private final Executor worker;
    private final Executor ui;
    private final CounterView view;
    private final Texts texts;
    private final Supplier<String> cashier;
    private final Cart cart = new Cart();
    private final AtomicLong tendered = new AtomicLong();
    private final AtomicLong debit = new AtomicLong();
    // worker thread
    private Boolean cardInSlot;
    /** The reader's count of presented cards at the last look: a new count is a card to read, even if never seen absent. */
    private long cardGeneration = -1;
    /** How many more times the card in the slot is read again after a read that failed on a device (worker thread). */
    private int rereadsLeft;
    private static final int REREADS = 3;
    // UI thread
    private CardPanel card;
    /**
     * R11 case 2 (issue 14): the reader, the card or the PSAM failed at the last look; F12 then goes to the sale's
     * cash path instead of asking for the card again.
     */
    private boolean deviceFault;
    private String beneficiary;
    private ReceiptDocument lastReceipt;
    private ReceiptDesk.Issued lastIssued;
    private boolean busy;
    /** R15 money credited when this card was read, shown with the sale that follows (issue 15). */
    private MoneyLines.CardLoad cardLoad;

    /**
     * @param cashier the signed-in operator's name, recorded with every sale
     */
    public CounterModel(Ports ports, Executor worker, Executor ui, CounterView view, Texts texts, Supplier<String> cashier) {
        this.catalog = ports.catalog();
        this.cards = ports.cards();
        this.checkout = ports.checkout();
        this.words = ports.words();
        this.receipts = ports.receipts();
        this.worker = worker;
        this.ui = ui;
        this.view = view;
        this.texts = texts;
        this.cashier = cashier;
        this.card = CardPanel.empty(texts.text("card.insert"));
    }

    // ---------------------------------------------------------------- items

    /** A code typed or scanned (a barcode scanner types it and presses Enter). */
    public void scan(String text) {
        String code = text == null ? "" : text.trim();
        if (code.isEmpty() || refuseWhileBusy()) {
            return;
        }
        worker.execute(() -> {
            Optional<CatalogItem> exact = catalog.item(code);
            List<CatalogItem> matches = exact.isPresent() ? List.of(exact.get()) : catalog.search(code, SEARCH_LIMIT);
            ui.execute(() -> pick(code, matches, false));
        });
    }

    /** Search by name or part of a code: always lets the cashier choose. */
    public void search(String text) {
        String q = text == null ? "" : text.trim();
        if (q.isEmpty() || refuseWhileBusy()) {
            return;
        }
        worker.execute(() -> {
            List<CatalogItem> matches = catalog.search(q, SEARCH_LIMIT);
            ui.execute(() -> pick(q, matches, true));
        });
    }

    private void pick(String asked, List<CatalogItem> matches, boolean alwaysChoose) {
        if (matches.isEmpty()) {
            view.showMessage(texts.text("item.unknown", asked), true);
            return;
        }
        Optional<CatalogItem> chosen = matches.size() == 1 && !alwaysChoose ? Optional.of(matches.get(0)) : view.chooseItem(matches);
        chosen.ifPresent(item -> {
            cart.add(item);
            showCart();
            view.showMessage(texts.text("item.added", item.name(), Texts.yuan(item.priceFen())), false);
        });
    }

    public void setQuantity(int line, int quantity) {
        if (line < 0 || line >= cart.lines().size()) {
            return;
        }
        if (quantity < 1 || quantity > Cart.MAX_QUANTITY) {
            view.showMessage(texts.text("quantity.range", Cart.MAX_QUANTITY), true);
            return;
        }
        cart.setQuantity(line, quantity);
        showCart();
    }

    public void removeLine(int line) {
        if (line < 0 || line >= cart.lines().size()) {
            return;
        }
        cart.remove(line);
        showCart();
    }

    /**
     * The cashier signed out: the cart and the kept receipt are forgotten, even while the worker is busy (the sale
     * under way keeps its own receipt in the journal), so the next cashier's F7 cannot print the previous patient's
     * receipt (issue 15).
     */
    public void signedOut() {
        lastReceipt = null;
        lastIssued = null;
        clearSale();
    }

    /** Empties the cart (Esc on an empty code field): the next customer. */
    public void clearSale() {
        if (busy) {
            return;
        }
        cart.clear();
        beneficiary = null;
        lastReceipt = null;
        lastIssued = null;
        showCart();
        view.showMessage(texts.text("ready"), false);
    }

    public List<CartLine> lines() {
        return cart.lines();
    }

    public long totalFen() {
        return cart.totalFen();
    }

    private void showCart() {
        view.showCart(cart.lines(), cart.totalFen());
    }

    // ---------------------------------------------------------------- card

    /** Looks at the card slot (on the worker); a new card is read and shown, a removed one cleared. Any thread. */
    public void pollCard() {
        worker.execute(this::checkSlot);
    }

    private void checkSlot() {
        boolean now;
        try {
            now = cards.cardPresent();
        } catch (RuntimeException e) {
            LOG.debug("Card slot not readable: {}", e.getMessage());
            readerFaulted(e);
            return;
        }
        readerAnswered();
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
        if (now) {
            readCard();
        } else {
            cards.cardRemoved();
            CardPanel empty = CardPanel.empty(texts.text("card.insert"));
            ui.execute(() -> {
                card = empty;
                deviceFault = false;
                beneficiary = null;
                cardLoad = null;
                view.showCard(empty);
            });
        }
    }

    /**
     * The slot could not be asked (a serial reader whose port is missing, a reader answering garbage): the status bar
     * says so at once (issue 14), the card panel is cleared and F12 offers the cash path. A PC/SC reader's faults
     * arrive as watch events; this covers the readers that are only polled.
     */
    private void readerFaulted(RuntimeException e) {
        // Asking the slot's state involves no card: whatever failed, it is the reader's fault. The tooltip carries
        // what the reader said, without the fault kind's enum name (the tag names the fault in words).
        String reason = String.valueOf(e.getMessage()).replaceFirst("^[A-Z_]+: ", ""); // a CardFault's "KIND: " prefix
        cards.readerFaulted(reason);
        if (Boolean.TRUE.equals(cardInSlot) || cardInSlot == null) {
            cardInSlot = false;
            CardPanel empty = CardPanel.empty(texts.text("card.insert"));
            ui.execute(() -> {
                card = empty;
                beneficiary = null;
                view.showCard(empty);
            });
        }
    }

    /**
     * A polled reader answered: the status bar says OK, not "waiting" until the first card, nor red after it came
     * back (PC/SC readers say so through the watch's READER_OK).
     */
    private void readerAnswered() {
        cards.readerAnswered();
    }

    /** Whether the reader is at fault now (the status bar's state): F12 then offers cash without a card (R11 case 2). */
    private boolean readerAtFault() {
        return cards.readerAtFault();
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
        CardPanel shown = panel;
        long loadedFen = loaded;
        MoneyLines.CardLoad load = loaded > 0 ? new MoneyLines.CardLoad(loaded, loadMonth) : null;
        boolean faulted = fault;
        if (!fault) {
            rereadsLeft = 0; // read (or refused by its rules, or not a usable card): nothing to read again
        }
        ui.execute(() -> {
            card = shown;
            deviceFault = faulted;
            beneficiary = null;
            cardLoad = load;
            view.showCard(shown);
            if (loadedFen > 0) {
                // R15: the patient is told the month's money reached the card.
                view.showMessage(texts.text("card.loaded", Texts.yuan(loadedFen)), false);
            } else {
                // Issue 15: the previous patient's message (e.g. a red refusal) is not this patient's.
                view.showMessage(texts.text("card.read"), false);
            }
        });
    }

    private CardPanel refusedPanel(String text) {
        return new CardPanel(true, "", "", "", "", "", -1, CardPanel.Banner.REFUSED, text, List.of());
    }

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

    /** The family member paid for (R3), by psn_no; null: the holder. */
    public void payFor(String psnNo) {
        if (psnNo != null && card.family().stream().noneMatch(m -> m.psnNo().equals(psnNo))) {
            view.showMessage(words.message("sale.family_unknown"), true);
            return;
        }
        beneficiary = psnNo;
    }

    /** A family member as the cashier and the receipt name them: "李娜 (配偶)", never the relation's code (issue 15). */
    public String familyLabel(PersonInfo.FamilyMember m) {
        String relation = words.relationName(m.relation());
        return relation.isEmpty() ? m.name() : m.name() + " (" + relation + ")";
    }

    public Optional<String> beneficiary() {
        return Optional.ofNullable(beneficiary);
    }

    public CardPanel card() {
        return card;
    }

    // ---------------------------------------------------------------- training cards

    /** The simulated cards, when the training reader is in use (empty otherwise). */
    public List<TrainingCard> trainingCards() {
        return cards.trainingCards();
    }

    /** Puts a training card in the simulated slot (as a cashier would insert a real one). */
    public void presentTrainingCard(String profile) {
        worker.execute(() -> {
            try {
                cards.presentTrainingCard(profile);
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> view.showMessage(texts.text("card.training_failed", profile, e.getMessage()), true));
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

    // ---------------------------------------------------------------- the sale

    /** Pay (F12): the split, the PIN, the debit and the settlement, on the worker. */
    public void pay() {
        if (refuseWhileBusy()) {
            return;
        }
        if (cart.isEmpty()) {
            view.showMessage(texts.text("pay.empty"), true);
            return;
        }
        boolean cashPath = deviceFault || (!card.present() && readerAtFault());
        if (!card.present() && !cashPath) {
            view.showMessage(texts.text("pay.no_card"), true);
            return;
        }
        if (card.banner() == CardPanel.Banner.REFUSED && !cashPath) {
            view.showMessage(card.bannerText(), true);
            return;
        }
        String holder = card.name();
        SaleRequest request = new SaleRequest(cart.saleItems(), beneficiary, pinSource(holder), -1, null, cashier.get());
        busy(true, texts.text("pay.running"));
        tendered.set(0);
        MoneyLines.CardLoad load = cardLoad;
        worker.execute(() -> {
            SaleOutcome o;
            try {
                o = sellAskingForId(request);
            } catch (RuntimeException e) {
                LOG.error("Sale failed unexpectedly", e);
                ui.execute(() -> {
                    busy(false, "");
                    view.showMessage(texts.text("pay.failed", e.getMessage()), true);
                });
                return;
            }
            SaleOutcome outcome = o;
            String line = checkout.line(o);
            // Issue 15: balance before, the month's load, cash tendered and change on the receipt too.
            MoneyLines money = MoneyLines.of(o, load, tendered.get());
            ReceiptDocument document = money.onReceipt(receiptOf(o, request.cashier()));
            ReceiptDesk.Issued issued = issue(document);
            ui.execute(() -> {
                finished(outcome, line, document, issued);
                if (outcome.kind().served()) {
                    cardLoad = null;
                    view.showMoney(money);
                }
            });
        });
    }

    /**
     * R11 case 2 wants the ID number from the ID card: ask for it and sell again (nothing was recorded yet). A number
     * whose check digit is wrong is asked for again with the reason (issue 15), until the cashier goes back.
     */
    private SaleOutcome sellAskingForId(SaleRequest request) {
        SaleOutcome o = checkout.sell(request, this::confirmSplit);
        while (o instanceof SaleOutcome.Refused && ID_QUESTIONS.contains(o.messageKey())) {
            String reason = checkout.line(o);
            Optional<String> id = askOnUi(() -> view.askIdNumber(reason));
            if (id.isEmpty()) {
                return o;
            }
            o = checkout.sell(request.withIdNumber(id.get()), this::confirmSplit);
        }
        return o;
    }

    private PinSource pinSource(String holder) {
        // Issue 15: a wrong PIN is asked again with the tries left (the sale asks; the split stands).
        return PinSource.retrying(ui, (debitFen, triesLeft) -> view.askPin(holder, debitFen >= 0 ? debitFen : debit.get(), triesLeft));
    }

    /** The {@link org.medcard.terminal.sale.PlanConfirmation}: shows the split; a cash share needs enough tendered. */
    boolean confirmSplit(PaymentPlan plan, CardView cardView) {
        String holder = cardView == null ? "" : cardView.holder().name();
        String paidFor = beneficiaryName(cardView);
        SplitOffer offer = new SplitOffer(plan.totalFen(), plan.fundFen(), plan.accountFen(), plan.cashFen(), holder, paidFor,
                plan.insuredFen() == 0);
        while (true) {
            SplitAnswer a = askOnUi(() -> view.confirmSplit(offer));
            if (!a.go()) {
                return false;
            }
            if (a.tenderedFen() >= plan.cashFen()) {
                debit.set(plan.accountFen());
                tendered.set(plan.cashFen() == 0 ? 0 : a.tenderedFen());
                return true;
            }
            String shortBy = Texts.yuan(plan.cashFen() - a.tenderedFen());
            askOnUi(() -> {
                view.showMessage(texts.text("pay.tendered_short", shortBy), true);
                return null;
            });
        }
    }

    private String beneficiaryName(CardView cardView) {
        String b = beneficiary;
        if (b == null || cardView == null) {
            return null;
        }
        return cardView.person().flatMap(p -> p.family().stream().filter(m -> m.psnNo().equals(b)).findFirst())
                .map(this::familyLabel).orElse(b);
    }

    /**
     * Journals the outcome's document at once (on the worker), as the CLI does, so the sale can be listed and
     * reprinted even if the cashier never presses F7/F8. When the journal fails the sale still stands; F7/F8
     * try again.
     */
    /** The outcome's receipt, assembled here after the sale; a sale stands even if its paper cannot be composed. */
    private ReceiptDocument receiptOf(SaleOutcome o, String by) {
        try {
            return checkout.receipt(o, by).orElse(null);
        } catch (RuntimeException e) {
            LOG.error("The sale's receipt could not be composed: {}", e.getMessage(), e);
            return null;
        }
    }

    private ReceiptDesk.Issued issue(ReceiptDocument document) {
        if (document == null) {
            return null;
        }
        try {
            return receipts.issue(document);
        } catch (RuntimeException e) {
            LOG.error("The sale's receipt could not be journalled: {}", e.getMessage(), e);
            return null;
        }
    }

    private void finished(SaleOutcome o, String line, ReceiptDocument document, ReceiptDesk.Issued issued) {
        busy(false, "");
        lastReceipt = document;
        lastIssued = issued;
        PaymentPlan p = o.plan().orElse(null);
        long cash = p == null ? 0 : p.cashFen();
        long given = o.served() ? tendered.get() : 0;
        long balance = o.balanceAfterFen().orElse(-1);
        SaleDone done = new SaleDone(o.kind(), o.served(), line, p == null ? cart.totalFen() : p.totalFen(),
                p == null ? 0 : p.fundFen(), p == null ? 0 : p.accountFen(), cash, given,
                given > 0 ? given - cash : 0, balance, document != null);
        if (o.served()) {
            cart.clear();
            beneficiary = null;
            showCart();
            if (balance >= 0 && card.present()) {
                // The card paid (and may have received its R15 loads first): show the balance it has now.
                card = card.withBalance(balance);
                view.showCard(card);
            }
        }
        view.saleDone(done);
        pollCard();
    }

    // ---------------------------------------------------------------- receipt

    public boolean hasReceipt() {
        return lastReceipt != null;
    }

    /** The last outcome's receipt number in the journal, when it has been journalled. */
    public Optional<Long> receiptNumber() {
        return Optional.ofNullable(lastIssued).map(ReceiptDesk.Issued::id);
    }

    public void printReceipt() {
        withReceipt(r -> texts.text("receipt.printed", receipts.print(r), Long.toString(r.id())));
    }

    public void saveReceipt() {
        withReceipt(r -> texts.text("receipt.saved", receipts.savePdf(r), Long.toString(r.id())));
    }

    /** Journalled before any copy is made (issued now if that failed when the sale ended). */
    private void withReceipt(java.util.function.Function<ReceiptDesk.Issued, String> action) {
        ReceiptDocument doc = lastReceipt;
        ReceiptDesk.Issued known = lastIssued;
        if (doc == null) {
            view.showMessage(texts.text("receipt.none"), true);
            return;
        }
        worker.execute(() -> {
            String msg;
            boolean problem = false;
            try {
                ReceiptDesk.Issued issued = known != null ? known : receipts.issue(doc);
                if (known == null) {
                    ui.execute(() -> {
                        if (lastReceipt == doc) {
                            lastIssued = issued;
                        }
                    });
                }
                msg = action.apply(issued);
            } catch (RuntimeException e) {
                msg = texts.text("receipt.failed", e.getMessage());
                problem = true;
            }
            String m = msg;
            boolean p = problem;
            ui.execute(() -> view.showMessage(m, p));
        });
    }

    // ---------------------------------------------------------------- helpers

    private boolean refuseWhileBusy() {
        if (busy) {
            view.showMessage(texts.text("busy"), true);
        }
        return busy;
    }

    private void busy(boolean b, String what) {
        busy = b;
        view.busy(b, what);
    }

    /** Runs a question on the UI thread and waits for the answer (called on the worker only). */
    private <T> T askOnUi(Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        ui.execute(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }
}
