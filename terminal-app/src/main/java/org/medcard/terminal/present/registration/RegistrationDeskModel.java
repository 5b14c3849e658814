package org.medcard.terminal.present.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.present.counter.CardWatch;
import org.medcard.terminal.present.counter.TrainingCard;
import org.medcard.terminal.present.outcome.DeskSlip;
import org.medcard.terminal.present.outcome.OutcomeSlip;
import org.medcard.terminal.present.outcome.SlipKeys;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.registration.Department;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitDocuments;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.registration.VisitTexts;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration desk's logic for a hospital terminal.
 *
 * <p>Threads: the public methods are called on the UI thread. Registering, settling and cancelling read the
 * card and talk to the center, so they run on {@code worker}; when the card needs a PIN the worker asks the
 * view through {@code ui} and waits for the answer (the UI thread never waits for the worker). One action at
 * a time: a request while busy is ignored.
 */
public final class RegistrationDeskModel implements SlipKeys {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationDeskModel.class);
    /** The desk's answers that ask the clerk for the ID number from the ID card (R11 case 2). */
    private static final Set<String> ID_QUESTIONS = Set.of("sale.id_number_needed", "sale.id_check_digit");

    private final RegistrationDesk desk;
    /** The desk's outcome in the clerk's words (the desk builds no text). */
    private final VisitTexts words;
    private final DepartmentCatalog catalog;
    private final Supplier<String> clerk;
    private final RegistrationView view;
    private final Executor worker;
    private final Executor ui;
    private final Texts texts;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final List<OpenVisit> open = new CopyOnWriteArrayList<>();
    /** Issue 15: where each outcome's document is journalled and kept for print / save (none until the desktop gives one). */
    private volatile VisitDocuments documents;
    private final DeskSlip slip;
    /** Issue 15: the card slot this desk shows, shared with the pharmacy counter (none until the desktop gives one). */
    private volatile CardWatch cards;
    /** The holder and masked card number of the last card read (UI thread): the same card again is no new patient. */
    private String lastPatient;

    /**
     * @param words the desk's outcomes worded in the terminal's language ({@code Terminal.visitTexts()})
     */
    public RegistrationDeskModel(RegistrationDesk desk, VisitTexts words, DepartmentCatalog catalog, java.util.Locale language,
                                 Supplier<String> clerk, RegistrationView view, Executor worker, Executor ui) {
        this.desk = desk;
        this.words = words;
        this.catalog = catalog;
        this.clerk = clerk;
        this.view = view;
        this.worker = worker;
        this.ui = ui;
        this.texts = Texts.of("org.medcard.terminal.present.registration.texts", language);
        this.slip = new DeskSlip(texts.text("slip.none"));
    }

    /** Shows the departments and the first one's doctors. */
    public void start() {
        // Sorted by code: the catalog keeps no order, and a clerk finds D01…D05 where they were yesterday.
        List<Department> all = catalog.all().stream().sorted(java.util.Comparator.comparing(Department::code)).toList();
        view.showDepartments(all, all.stream().map(d -> texts.text("department.label", d.code(), d.name(),
                Money.formatYuan(d.regFeeFen()))).toList());
        if (!all.isEmpty()) {
            chooseDepartment(all.get(0).code());
        }
        view.showOpenVisits(List.copyOf(open));
    }

    public void chooseDepartment(String deptCode) {
        Optional<Department> d = catalog.department(deptCode);
        if (d.isEmpty()) {
            view.showMessage(texts.text("department.unknown", deptCode));
            return;
        }
        view.showDoctors(d.get(), d.get().doctors().stream().map(doc -> texts.text("doctor.label", doc.name(), doc.title())).toList(),
                texts.text("fee.line", Money.formatYuan(d.get().regFeeFen())));
    }

    /**
     * Registers the card in the slot with {@code doctorCode} of {@code deptCode} (empty: the first doctor). With
     * {@code payNow} the fee is paid at once; otherwise the visit stays open and is paid with its items.
     */
    public void register(String deptCode, Optional<String> doctorCode, boolean payNow) {
        register(deptCode, doctorCode, payNow, Optional.empty());
    }

    /**
     * As {@link #register(String, Optional, boolean)} with the patient's ID number typed from the ID card: during a
     * fault of the reader, card, PSAM or center the fee is then taken in cash and recorded as a re-settlement entry
     * (R11 case 2); without it the desk asks for it.
     */
    public void register(String deptCode, Optional<String> doctorCode, boolean payNow, Optional<String> idNumber) {
        Optional<Department> dept = catalog.department(deptCode);
        if (dept.isEmpty()) {
            view.showMessage(texts.text("department.unknown", deptCode));
            return;
        }
        String by = clerk.get();
        run(texts.text(payNow ? "busy.register_pay" : "busy.register"), () -> {
            VisitOutcome o = askingForId(idNumber,
                    id -> desk.register(deptCode, doctorCode, PaidFor.cardholder(), payNow, pinFromView(), by, id));
            keepSlip(o, d -> d.registration(o, dept.get().name(), dept.get().doctor(doctorCode).map(Department.Doctor::name), by));
            // A visit stays open after its fee is paid: the prescribed items are paid on it later the same day.
            if (o instanceof VisitOutcome.Registered || o instanceof VisitOutcome.Settled || o instanceof VisitOutcome.SettlementPending
                    || o instanceof VisitOutcome.CashResettle) {
                String doctor = dept.get().doctor(doctorCode).map(Department.Doctor::name).orElse("");
                open.add(new OpenVisit(o.visit().orElseThrow(), deptCode, dept.get().name(), doctor,
                        o.card().map(VisitOutcome.CardHolder::cardNoMasked).orElse(null),
                        o.card().map(VisitOutcome.CardHolder::name).orElse(null), Money.formatYuan(dept.get().regFeeFen())));
            }
            return o;
        });
    }

    /**
     * Settles visit {@code mdtrtId} with the prescribed items, typed as {@code CODE[:QTY]} separated by spaces,
     * commas or new lines (none: the fee alone).
     */
    public void settle(String mdtrtId, String itemsText) {
        settle(mdtrtId, itemsText, Optional.empty());
    }

    /** As {@link #settle(String, String)} with the ID number typed for the cash path during a fault (R11 case 2). */
    public void settle(String mdtrtId, String itemsText, Optional<String> idNumber) {
        String id = mdtrtId == null ? "" : mdtrtId.trim();
        if (id.isEmpty()) {
            view.showMessage(texts.text("visit.missing"));
            return;
        }
        List<SaleItem> items = new ArrayList<>();
        for (String token : (itemsText == null ? "" : itemsText).trim().split("[\\s,;，；]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                items.add(SaleItem.parse(token));
            } catch (IllegalArgumentException e) {
                view.showMessage(texts.text("items.bad", token));
                return;
            }
        }
        String by = clerk.get();
        run(texts.text("busy.settle", id), () -> {
            VisitOutcome o = askingForId(idNumber, typed -> desk.settle(id, items, pinFromView(), by, typed));
            keepSlip(o, d -> d.settlement(o, by));
            return o;
        });
    }

    /** Closes a visit that was paid (the clerk is done with it): it takes no further payment. */
    public void close(String mdtrtId) {
        String id = mdtrtId == null ? "" : mdtrtId.trim();
        if (id.isEmpty()) {
            view.showMessage(texts.text("visit.missing"));
            return;
        }
        run(texts.text("busy.close", id), () -> desk.close(id));
    }

    /** Cancels an unpaid visit (2202) once the clerk confirms. */
    public void cancel(String mdtrtId) {
        String id = mdtrtId == null ? "" : mdtrtId.trim();
        if (id.isEmpty()) {
            view.showMessage(texts.text("visit.missing"));
            return;
        }
        if (!view.confirmCancel(id)) {
            return;
        }
        run(texts.text("busy.cancel", id), () -> desk.cancel(id));
    }

    /** The visits registered in this session and still open (paid ones too: further batches are paid on them). */
    public List<OpenVisit> openVisits() {
        return List.copyOf(open);
    }

    // ---------------------------------------------------------------- card panel (issue 15)

    /**
     * Shows the card of {@code cards} (the watch the pharmacy counter shows too: one read per card, through the one card
     * session) on this desk's card panel, so the clerk sees the holder before registering. Call once, before the desk
     * is used, on the UI thread. Registering still opens the card through the desk: the panel informs, the desk decides.
     */
    public RegistrationDeskModel watchCards(CardWatch cards) {
        this.cards = cards;
        cards.listen(this::cardShown);
        view.showCard(cards.card());
        return this;
    }

    /** The card panel shown now (UI thread); an empty panel when no card watch was given. */
    public CardPanel card() {
        CardWatch w = cards;
        return w == null ? CardPanel.empty("") : w.card();
    }

    /** The simulated cards, when the training reader is in use (empty otherwise, and without a card watch). */
    public List<TrainingCard> trainingCards() {
        CardWatch w = cards;
        return w == null ? List.of() : w.trainingCards();
    }

    /** Puts a training card in the simulated slot (F9 in training mode, as at the counter); the panel shows it when read. */
    public void presentTrainingCard(String profile) {
        CardWatch w = cards;
        if (w != null) {
            w.presentTrainingCard(profile, view::showMessage);
        }
    }

    /**
     * UI thread: the panel follows the slot. A new patient's card clears the last patient's answer (a red refusal,
     * the last visit's split) and says what to do with this card.
     */
    private void cardShown(CardWatch.Shown shown) {
        view.showCard(shown.panel());
        if (!shown.newPatient()) {
            return;
        }
        CardPanel c = shown.panel();
        String patient = c.name().isEmpty() ? null : c.name() + " " + c.cardMasked();
        boolean samePatient = patient != null && patient.equals(lastPatient);
        lastPatient = patient;
        if (samePatient && shown.load().isEmpty() && c.banner() != CardPanel.Banner.REFUSED) {
            // The same card back in the slot (e.g. after "the card left during payment"): its answer is still theirs.
            return;
        }
        String line;
        if (shown.deviceFault()) {
            line = texts.text("card.fault");
        } else if (c.banner() == CardPanel.Banner.REFUSED) {
            line = texts.text("card.refused", c.bannerText());
        } else if (shown.load().isPresent()) {
            line = texts.text("card.loaded", Money.formatYuan(shown.load().get().amountFen()));
        } else {
            line = texts.text("card.read");
        }
        view.showMessage(line);
    }

    /** UI thread: a visit paid from the card; the panels show the balance it has now (the counter's too). */
    private void cardPaid(VisitOutcome o) {
        CardWatch w = cards;
        // Every card payment that got as far as the debit moved the balance, settled at the center or not yet.
        if (w != null && o instanceof VisitOutcome.CardPayment p && p.balanceAfterFen().isPresent()) {
            w.paid(p.balanceAfterFen().getAsLong());
        }
    }

    // ---------------------------------------------------------------- slip (issue 15)

    /**
     * Journals each registration's slip and each settlement's receipt ({@code documents}, as the CLI's {@code register}
     * and {@code outpatient settle}) into {@code slip}, which keeps it for {@link #printSlip()} and {@link #saveSlip()}.
     * Call once, before the desk is used.
     */
    public RegistrationDeskModel keepSlipsIn(VisitDocuments documents, OutcomeSlip outcomeSlip) {
        this.documents = documents;
        slip.keep(outcomeSlip);
        return this;
    }

    /** The last outcome's journalled document, kept for the print and save keys. */
    @Override
    public DeskSlip deskSlip() {
        return slip;
    }

    /** Ctrl+P / Ctrl+S: the last outcome's journalled slip or receipt printed or saved on the worker. */
    @Override
    public void copySlip(boolean print) {
        slip.copy(print, c -> view.showSlip(c.line(), c.problem()), copy -> {
            if (!busy.compareAndSet(false, true)) {
                return;
            }
            view.showBusy(true, texts.text("busy.slip"));
            worker.execute(() -> {
                try {
                    OutcomeSlip.Copy c = copy.get();
                    ui.execute(() -> view.showSlip(c.line(), c.problem()));
                } finally {
                    busy.set(false);
                    ui.execute(() -> view.showBusy(false, ""));
                }
            });
        });
    }

    /** On the worker: journals the outcome's document (a refusal has none) and keeps it; the outcome stands either way. */
    private void keepSlip(VisitOutcome o, java.util.function.Function<VisitDocuments, Optional<ReceiptDocument>> document) {
        VisitDocuments d = documents;
        if (d != null) {
            slip.replace(() -> document.apply(d));
        }
    }

    // ---------------------------------------------------------------- on the worker

    private void run(String what, Supplier<VisitOutcome> work) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        // Issue 15: the last answer (e.g. the registration's split) leaves the screen while this one is worked out,
        // so the PIN dialog of a visit's items is not read against the fee's split.
        view.showMessage(what);
        view.showBusy(true, what);
        worker.execute(() -> {
            try {
                VisitOutcome o = work.get();
                if (o instanceof VisitOutcome.Closed || o instanceof VisitOutcome.Cancelled) {
                    String ended = o.visit().orElseThrow();
                    open.removeIf(v -> v.mdtrtId().equals(ended));
                }
                VisitAnswer answer = answer(o);
                List<OpenVisit> visits = List.copyOf(open);
                ui.execute(() -> {
                    view.showVisit(answer);
                    view.showOpenVisits(visits);
                    cardPaid(o);
                });
            } catch (RuntimeException e) {
                LOG.error("Registration desk: {} failed", what, e);
                String msg = texts.text("failed", e.getMessage() == null ? e.toString() : e.getMessage());
                ui.execute(() -> view.showMessage(msg));
            } finally {
                busy.set(false);
                ui.execute(() -> view.showBusy(false, ""));
            }
        });
    }

    /**
     * Runs on the worker. R11 case 2 wants the ID number from the ID card (none typed, or a wrong check digit): ask the
     * clerk with the desk's reason and try again (nothing was recorded yet), as the pharmacy counter does, until the
     * clerk goes back.
     */
    private VisitOutcome askingForId(Optional<String> idNumber, Function<Optional<String>, VisitOutcome> attempt) {
        VisitOutcome o = attempt.apply(idNumber);
        while (o instanceof VisitOutcome.Refused && ID_QUESTIONS.contains(o.messageKey())) {
            String reason = words.line(o);
            Optional<String> typed = askOnUi(() -> view.askIdNumber(reason));
            if (typed.isEmpty()) {
                return o;
            }
            o = attempt.apply(typed);
        }
        return o;
    }

    /** Runs on the worker: the question on the UI thread, the worker waits for the answer (the UI never waits). */
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

    /** Runs on the worker: hands the question to the UI thread and waits for the clerk. */
    private PinSource pinFromView() {
        return PinSource.retrying(ui, (debitFen, triesLeft) -> view.askPin(pinPrompt(debitFen, triesLeft)));
    }

    /** The PIN dialog's words: the amount the card pays (issue 15) and, after a wrong PIN, the tries left. */
    String pinPrompt(long debitFen, int triesLeft) {
        String prompt = debitFen < 0 ? texts.text("pin.prompt")
                : texts.text("pin.prompt.amount", texts.text("pin.prompt"), org.medcard.terminal.text.Texts.yuan(debitFen));
        return triesLeft > 0 ? texts.text("pin.retry", triesLeft) + " " + prompt : prompt;
    }


    VisitAnswer answer(VisitOutcome o) {
        VisitAnswer a = answerOf(o);
        Optional<String> fundNote = fundNote(o);
        if (o.loadedFen() <= 0) {
            return new VisitAnswer(a.outcome(), a.served(), a.headline(), a.split(), a.detail(), fundNote);
        }
        // R15: the monthly money loaded when the card was opened is told to the clerk, as at the pharmacy counter.
        return new VisitAnswer(a.outcome(), a.served(), a.headline(), a.split(),
                a.detail() + " " + texts.text("loaded", Money.formatYuan(o.loadedFen())), fundNote);
    }

    /**
     * Issue 15: a fee or batch the card pays with a fund share of 0 says why (R6 waiting period, R12 unfiled
     * cross-region card …), with the sale policy's reason as the counter's split gives it (through the card watch, on
     * the card it read). Only for the card's own splits: a cash entry's fund share is 0 because of the fault it says.
     */
    private Optional<String> fundNote(VisitOutcome o) {
        CardWatch w = cards;
        Optional<PaymentPlan> plan = o.plan();
        boolean cardSplit = o instanceof VisitOutcome.Registered || o instanceof VisitOutcome.CardPayment;
        if (w == null || !cardSplit || plan.isEmpty() || o.card().isEmpty()) {
            return Optional.empty();
        }
        PaymentPlan p = plan.get();
        if (!p.fundPaysNothing()) {
            return Optional.empty();
        }
        // The desk registers and settles for the cardholder (a family member's visit is the CLI's, with --for).
        return w.noPoolingReason(o.card().get().cardNoMasked(), false);
    }

    private VisitAnswer answerOf(VisitOutcome o) {
        List<VisitAnswer.Line> split = split(o.plan().orElse(null));
        String message = words.line(o);
        if (o instanceof VisitOutcome.Registered r) {
            return new VisitAnswer(o, true, texts.text("registered.headline", r.mdtrtId()), split,
                    texts.text("registered.detail", r.mdtrtId()));
        }
        if (o instanceof VisitOutcome.Settled s) {
            String balance = s.balanceAfterFen().isPresent() ? Money.formatYuan(s.balanceAfterFen().getAsLong()) : "?";
            return new VisitAnswer(o, true, s.split().cashFen() > 0 ? texts.text("paid.collect", Money.formatYuan(s.split().cashFen()))
                    : texts.text("paid.headline", s.mdtrtId()), split, texts.text("paid.detail", s.mdtrtId(), balance));
        }
        if (o instanceof VisitOutcome.SettlementPending p) {
            return new VisitAnswer(o, true, texts.text("pending.headline"), split, texts.text("pending.detail", p.mdtrtId()));
        }
        if (o instanceof VisitOutcome.SettlementRejected) {
            return new VisitAnswer(o, false, texts.text("rejected.headline"), split, message);
        }
        if (o instanceof VisitOutcome.Interrupted) {
            return new VisitAnswer(o, false, texts.text("interrupted.headline"), split, texts.text("interrupted.detail"));
        }
        if (o instanceof VisitOutcome.CashResettle c) {
            return new VisitAnswer(o, true, texts.text("cash.headline", Money.formatYuan(c.cashFen())), split,
                    texts.text("cash.detail", c.mdtrtId(), c.entryNo()));
        }
        if (o instanceof VisitOutcome.Cancelled c) {
            return new VisitAnswer(o, true, texts.text("cancelled.headline", c.mdtrtId()), List.of(), message);
        }
        if (o instanceof VisitOutcome.Closed c) {
            return new VisitAnswer(o, true, texts.text("closed.headline", c.mdtrtId()), List.of(), message);
        }
        return new VisitAnswer(o, false, texts.text("refused.headline"), List.of(), message); // VisitOutcome.Refused
    }

    private List<VisitAnswer.Line> split(PaymentPlan p) {
        if (p == null) {
            return List.of();
        }
        return List.of(new VisitAnswer.Line(texts.text("split.total"), Money.formatYuan(p.totalFen())),
                new VisitAnswer.Line(texts.text("split.fund"), Money.formatYuan(p.fundFen())),
                new VisitAnswer.Line(texts.text("split.account"), Money.formatYuan(p.accountFen())),
                new VisitAnswer.Line(texts.text("split.cash"), Money.formatYuan(p.cashFen())));
    }
}
