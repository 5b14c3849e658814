package org.medcard.terminal.present.counter;

import java.util.OptionalLong;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.session.CardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pharmacy counter. The cart, the shown card and the last receipt belong to the UI thread; catalog look-ups,
 * card reads and the sale run on the worker (the reader's one thread); the card itself is watched and read by the
 * {@link CardWatch} the counter shares with the other desks. During a sale the worker asks the view
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
    /** The card slot, shared with the other desks that show the card panel (issue 15). */
    private final CardWatch cards;
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
    // UI thread
    private CardPanel card;
    /**
     * R11 case 2 (issue 14): the reader, the card or the PSAM failed at the last look; F12 then goes to the sale's
     * cash path instead of asking for the card again.
     */
    private boolean deviceFault;
    private PaidFor paidFor = PaidFor.cardholder();
    private ReceiptDocument lastReceipt;
    private ReceiptDesk.Issued lastIssued;
    private boolean busy;
    /** R15 money credited when this card was read, shown with the sale that follows (issue 15). */
    private Optional<MoneyLines.CardLoad> cardLoad = Optional.empty();

    /**
     * @param cashier the signed-in operator's name, recorded with every sale
     */
    public CounterModel(Ports ports, Executor worker, Executor ui, CounterView view, Texts texts, Supplier<String> cashier) {
        this(ports, new CardWatch(ports.cards(), ports.words(), texts, worker, ui), worker, ui, view, texts, cashier);
    }

    /**
     * A counter that shows the card of {@code cards}, a watch shared with the other desks of the app (the registration
     * desk): the card is read once, through the watch's {@link CardDesk}, whichever screen shows it.
     *
     * @param cashier the signed-in operator's name, recorded with every sale
     */
    public CounterModel(Ports ports, CardWatch cards, Executor worker, Executor ui, CounterView view, Texts texts,
                        Supplier<String> cashier) {
        this.catalog = ports.catalog();
        this.cards = cards;
        this.checkout = ports.checkout();
        this.words = ports.words();
        this.receipts = ports.receipts();
        this.worker = worker;
        this.ui = ui;
        this.view = view;
        this.texts = texts;
        this.cashier = cashier;
        this.card = cards.card();
        cards.listen(this::cardShown);
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
            boolean noCatalog = matches.isEmpty() && catalog.empty();
            ui.execute(() -> pick(code, matches, false, noCatalog));
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
            boolean noCatalog = matches.isEmpty() && catalog.empty();
            ui.execute(() -> pick(q, matches, true, noCatalog));
        });
    }

    private void pick(String asked, List<CatalogItem> matches, boolean alwaysChoose, boolean noCatalog) {
        if (matches.isEmpty()) {
            // Issue 15: with no catalog downloaded yet every code is unknown; say how to get one.
            view.showMessage(texts.text(noCatalog ? "item.no_catalog" : "item.unknown", asked), true);
            return;
        }
        Optional<CatalogItem> chosen = matches.size() == 1 && !alwaysChoose ? Optional.of(matches.get(0)) : view.chooseItem(matches);
        if (chosen.isPresent() && !chosen.get().kind().soldAtPharmacy()) {
            // An X-ray or an infusion is billed at the hospital's desk (xray15): the cashier learns it at the scan, not at pay.
            view.showMessage(texts.text("item.service", chosen.get().name()), true);
            return;
        }
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
        paidFor = PaidFor.cardholder();
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
        cards.poll();
    }

    /** Whether the reader is at fault now (the status bar's state): F12 then offers cash without a card (R11 case 2). */
    private boolean readerAtFault() {
        return cards.readerAtFault();
    }

    /** UI thread: the card watch read a card, lost it, or the card paid; the counter's own state follows the card. */
    private void cardShown(CardWatch.Shown shown) {
        card = shown.panel();
        switch (shown.change()) {
            case READ -> {
                deviceFault = shown.deviceFault();
                paidFor = PaidFor.cardholder();
                cardLoad = shown.load();
            }
            case REMOVED -> {
                deviceFault = false;
                paidFor = PaidFor.cardholder();
                cardLoad = Optional.empty();
            }
            case READER_FAULT -> paidFor = PaidFor.cardholder();
            case BALANCE -> {
            }
        }
        view.showCard(shown.panel());
        if (!shown.newPatient()) {
            return;
        }
        if (shown.load().isPresent()) {
            // R15: the patient is told the month's money reached the card.
            view.showMessage(texts.text("card.loaded", Texts.yuan(shown.load().get().amountFen())), false);
        } else {
            // Issue 15: the previous patient's message (e.g. a red refusal) is not this patient's.
            view.showMessage(texts.text("card.read"), false);
        }
    }

    /** Who the sale is for (R3): the holder, or a family member the card's 1101 lists (anyone else is refused here). */
    public void payFor(PaidFor who) {
        if (who.familyPsnNo().filter(psnNo -> card.family().stream().noneMatch(m -> m.psnNo().equals(psnNo))).isPresent()) {
            view.showMessage(words.message("sale.family_unknown"), true);
            return;
        }
        paidFor = who;
    }

    /** A family member as the cashier and the receipt name them: "李娜 (配偶)", never the relation's code (issue 15). */
    public String familyLabel(PersonInfo.FamilyMember m) {
        String relation = words.relationName(m.relation());
        return relation.isEmpty() ? m.name() : m.name() + " (" + relation + ")";
    }

    /** The family member's psn_no the sale is for (R3), empty for the holder. */
    public Optional<String> beneficiary() {
        return paidFor.familyPsnNo();
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
        cards.presentTrainingCard(profile, line -> view.showMessage(line, true));
    }

    public void removeTrainingCard() {
        cards.removeTrainingCard();
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
        SaleRequest request = new SaleRequest(cart.saleItems(), paidFor, pinSource(holder), OptionalLong.empty(), Optional.empty(),
                cashier.get());
        busy(true, texts.text("pay.running"));
        tendered.set(0);
        Optional<MoneyLines.CardLoad> load = cardLoad;
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
                    cardLoad = Optional.empty();
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
    boolean confirmSplit(PaymentPlan plan, Optional<CardView> cardView) {
        String holder = cardView.map(v -> v.holder().name()).orElse("");
        Optional<String> member = cardView.flatMap(this::beneficiaryName);
        // Issue 15: a fund share of 0 says why (R6 waiting period, R12 unfiled cross-region card, …).
        Optional<String> fundNote = plan.fundPaysNothing() && cardView.isPresent()
                ? words.noPoolingReason(cardView.get(), paidFor.family()) : Optional.empty();
        SplitOffer offer = new SplitOffer(plan.totalFen(), plan.fundFen(), plan.accountFen(), plan.cashFen(), holder, member,
                plan.insuredFen() == 0, fundNote);
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

    private Optional<String> beneficiaryName(CardView cardView) {
        return paidFor.familyPsnNo().map(b -> cardView.person()
                .flatMap(p -> p.family().stream().filter(m -> m.psnNo().equals(b)).findFirst())
                .map(this::familyLabel).orElse(b));
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
        OptionalLong balance = o.balanceAfterFen();
        SaleDone done = new SaleDone(o.kind(), o.served(), line, p == null ? cart.totalFen() : p.totalFen(),
                p == null ? 0 : p.fundFen(), p == null ? 0 : p.accountFen(), cash, given,
                given > 0 ? given - cash : 0, balance, document != null);
        if (o.served()) {
            cart.clear();
            paidFor = PaidFor.cardholder();
            showCart();
            if (balance.isPresent() && card.present()) {
                // The card paid (and may have received its R15 loads first): every desk shows the balance it has now.
                cards.paid(balance.getAsLong());
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
