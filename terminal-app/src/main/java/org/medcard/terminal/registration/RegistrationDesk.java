package org.medcard.terminal.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.medcard.apdu.CardRefusal;
import org.medcard.queue.EntryKind;
import org.medcard.queue.Fault;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.PreSettlement;
import org.medcard.terminal.center.Registration;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.config.TerminalKind;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SalePolicy;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hospital registration desk: registers an outpatient visit ({@code 2201}), cancels it ({@code 2202}), and
 * settles it ({@code 2206} → plan → card debit → {@code 2207}). The card is read and checked exactly as at the
 * pharmacy (status table, torn sales first); the pooling rules R4, R6 and R12 are checked by the terminal too,
 * so a pooling share the center proposes for a card that may not use it stops the payment. The debit, its
 * journal and the settle through the outbox are the pharmacy sale's ({@link PharmacySale#payPreSettled}).
 *
 * <p>The visit id comes from the center; when the reader, card, PSAM or center is faulty the fee and the batches are
 * paid in cash through the pharmacy's cash path (R11 case 2, {@link PharmacySale#cashEntry}) and re-settled later at the
 * re-settlement desk like any entry. Runs on the reader's worker thread.
 *
 * <p>The desk says what happened ({@link VisitOutcome}: a record per kind, a message key and its arguments); the caller
 * words it ({@link VisitTexts}) and makes its documents ({@link VisitDocuments}). The center's part state follows every
 * request through the root's center watch, so the desk reports none itself.
 */
public final class RegistrationDesk {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationDesk.class);

    private final TerminalKind kind;
    private final DepartmentCatalog departments;
    private final Function<String, Optional<CatalogItem>> items;
    private final Supplier<Optional<HostApi>> online;
    private final CardSession cardSession;
    private final PharmacySale sale;
    private final SalePolicy policy;
    private final VisitBook visits;
    private final HostCodec codec = new HostCodec();
    /** The local id of a visit registered in cash during a fault: no center visit exists for it. */
    static final String CASH_VISIT = "CASH-";

    /**
     * What the desk knows of the institution it registers for.
     *
     * @param kind        only a hospital terminal registers
     * @param departments the departments and doctors with their registration fees
     * @param items       an item code's entry (name, price) in the downloaded catalog
     */
    public record Institution(TerminalKind kind, DepartmentCatalog departments, Function<String, Optional<CatalogItem>> items) {
        public Institution {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(departments, "departments");
            Objects.requireNonNull(items, "items");
        }
    }

    /**
     * @param online the center's API when the terminal may talk to it now (signing in if it must)
     * @param sale   the pharmacy sale, whose debit step pays a visit ({@link PharmacySale#payPreSettled})
     * @param visits where the open visits are kept ({@code terminal.db}); its clock says which day it is
     */
    public RegistrationDesk(Institution institution, Supplier<Optional<HostApi>> online, CardSession cardSession, PharmacySale sale,
                            SalePolicy policy, VisitBook visits) {
        this.kind = institution.kind();
        this.departments = institution.departments();
        this.items = institution.items();
        this.online = online;
        this.cardSession = cardSession;
        this.sale = sale;
        this.policy = policy;
        this.visits = visits;
    }

    /**
     * Registers the cardholder in the slot for {@code deptCode} (and {@code doctorCode}, or the department's first
     * doctor when empty), no ID number typed: {@link #register(String, Optional, PaidFor, boolean, PinSource, String, Optional)}.
     */
    public VisitOutcome register(String deptCode, Optional<String> doctorCode, boolean settleNow, PinSource pin, String clerk) {
        return register(deptCode, doctorCode, PaidFor.cardholder(), settleNow, pin, clerk, Optional.empty());
    }

    /**
     * Registers the card in the slot for {@code deptCode} (and {@code doctorCode}, or the department's first doctor when
     * empty). With {@code settleNow} the fee is paid at once (2206 with the fee as its only line, 2207) and the visit is
     * closed; without it the fee is settled later together with the visit's items.
     *
     * <p>A visit of a family member (R3) is paid with the cardholder's card exactly as the pharmacy sells to one
     * ({@link org.medcard.terminal.sale.SalePolicy#familyRefusal}): an EMPLOYEE card, online, the member in the center's
     * {@code 1101} family list; the pooling fund pays nothing for them, and there is no cash path for them.
     *
     * <p>The hospital's fault path (R11 case 2): when the reader, the card, the PSAM or the center is faulty the
     * cardholder's fee is paid in cash now (whatever {@code settleNow} says: no visit can be registered with the center),
     * the entry recorded with the typed ID number and a local visit opened for the day's further batches. Without an ID
     * number the clerk is asked for it.
     *
     * @param paidFor  the cardholder, or the family member (R3)
     * @param idNumber the patient's ID number typed from the ID card, empty when not typed (yet)
     */
    public VisitOutcome register(String deptCode, Optional<String> doctorCode, PaidFor paidFor, boolean settleNow, PinSource pin,
                                 String clerk, Optional<String> idNumber) {
        Objects.requireNonNull(paidFor, "paidFor");
        Objects.requireNonNull(idNumber, "idNumber");
        Optional<Department> dept = departments.department(deptCode);
        if (dept.isEmpty()) {
            return refused("registration.unknown_department", "department " + deptCode);
        }
        Optional<Department.Doctor> doctor = dept.get().doctor(doctorCode);
        if (doctor.isEmpty()) {
            return refused("registration.unknown_doctor", "doctor " + doctorCode.orElse("") + " in " + deptCode);
        }
        return withCard((opened, api) -> {
            CardView view = opened.view();
            String cardNo = view.info().cardNo().digits();
            if (paidFor.family()) {
                String member = paidFor.familyPsnNo().get();
                Optional<String> r3 = policy.familyRefusal(view, member);
                if (r3.isPresent()) {
                    return refused(r3.get(), opened, "R3: scheme " + view.scheme() + ", family member " + member);
                }
            }
            Registration reg;
            try {
                // The host API still takes the member's psn_no as null for the cardholder (the center package's edge).
                reg = api.register(view.person().orElseThrow().psnNo(), cardNo, paidFor.familyPsnNo().orElse(null), dept.get().code(),
                        doctor.get().code(), dept.get().regFeeFen());
            } catch (CenterRefusal e) {
                return refused("registration.center_refused", opened, e.getMessage());
            }
            visits.registered(reg.mdtrtId(), cardNo, dept.get().code(), doctor.get().code(), reg.regFeeFen());
            LOG.info("Registered visit {} for card {} in {} with {}", reg.mdtrtId(), view.info().cardNo(), dept.get().code(),
                    doctor.get().code());
            if (!settleNow) {
                PaymentPlan foreseen = new PaymentPlan(reg.regFeeFen(), reg.fundPayFen(), reg.acctPayMaxFen(), reg.cashPayMinFen());
                return new VisitOutcome.Registered(reg.mdtrtId(), holder(view), foreseen, Optional.ofNullable(reg.noPoolingRule()),
                        opened.loadedFen());
            }
            return settleVisit(opened, api, reg.mdtrtId(), List.of(), regLine(dept.get()), pin, clerk, paidFor);
        }, paidFor.family() ? null : (fault, opened, detail) -> {
            SaleOutcome cash = hospitalCash().cashEntry(List.of(regLine(dept.get())), fault, viewOf(opened), idNumber, clerk, EntryKind.OUTPATIENT);
            if (!(cash instanceof SaleOutcome.CashResettle paid)) {
                return cashRefused(cash, opened);
            }
            String localId = CASH_VISIT + paid.entryNo();
            visits.registeredInCash(localId, dept.get().code(), doctor.get().code(), dept.get().regFeeFen());
            LOG.info("R11: registration fee of visit {} paid in cash during a fault ({}): entry {}", localId, fault, paid.entryNo());
            return new VisitOutcome.CashResettle(localId, true, paid, loadedFen(opened));
        });
    }

    /**
     * Settles a batch of a visit registered at this desk: the items the doctor prescribed, and the fee when it was not
     * paid yet (the center adds it). A visit is paid more than once on its day — the fee at registration, then each
     * batch at the payment window — until the clerk ({@link #close}) or the day close closes it.
     */
    public VisitOutcome settle(String mdtrtId, List<SaleItem> items, PinSource pin, String clerk) {
        return settle(mdtrtId, items, pin, clerk, Optional.empty());
    }

    /**
     * As {@link #settle(String, List, PinSource, String)}, with the hospital's fault path (R11 case 2): when the reader,
     * the card, the PSAM or the center is faulty the batch (with the fee, if still unpaid) is paid in cash and becomes a
     * re-settlement entry registered with 8400. A visit whose fee was paid in cash takes its further batches in cash only.
     *
     * @param idNumber the patient's ID number typed from the ID card, empty when not typed (yet)
     */
    public VisitOutcome settle(String mdtrtId, List<SaleItem> batch, PinSource pin, String clerk, Optional<String> idNumber) {
        Objects.requireNonNull(idNumber, "idNumber");
        Optional<VisitBook.Visit> visit = visits.visit(mdtrtId);
        if (visit.isEmpty() || !visit.get().status().open()) {
            return refused("registration.visit_not_open", "visit " + mdtrtId + ": "
                    + visit.map(v -> v.status().name()).orElse("not registered at this desk"));
        }
        LocalDate today = visits.today();
        if (visit.get().registeredOn().isBefore(today)) {
            visits.closeDay(today, false);
            return refused("registration.visit_day_over", "visit " + mdtrtId + " of " + visit.get().registeredOn());
        }
        boolean feeDue = visit.get().status() == VisitBook.Status.REGISTERED;
        if (!feeDue && batch.isEmpty()) {
            return refused("registration.nothing_to_pay", "visit " + mdtrtId + ": fee paid, no items");
        }
        List<SaleLine> lines = new ArrayList<>();
        for (SaleItem i : batch) {
            Optional<CatalogItem> c = items.apply(i.code());
            if (c.isEmpty()) {
                return refused("sale.unknown_item", "unknown item code " + i.code());
            }
            lines.add(new SaleLine(c.get().code(), i.quantity(), c.get().priceFen()));
        }
        Department dept = departments.department(visit.get().deptCode()).orElse(null);
        SaleLine fee = dept == null ? new SaleLine("REG-" + visit.get().deptCode(), 1, visit.get().regFeeFen()) : regLine(dept);
        VisitBook.Visit v = visit.get();
        return withCard((opened, api) -> {
            if (v.status() == VisitBook.Status.CASH) {
                return refused("registration.cash_visit", opened, "visit " + mdtrtId + " was paid in cash; card and center work now");
            }
            if (!opened.view().info().cardNo().digits().equals(v.cardNo())) {
                return refused("registration.wrong_card", opened, "visit " + mdtrtId + " is not this card's");
            }
            return settleVisit(opened, api, mdtrtId, lines, feeDue ? fee : null, pin, clerk, PaidFor.cardholder());
        }, (fault, opened, detail) -> {
            Optional<CardView> view = viewOf(opened);
            if (view.isPresent() && !v.cardNo().isEmpty() && !view.get().info().cardNo().digits().equals(v.cardNo())) {
                return refused("registration.wrong_card", opened, "visit " + mdtrtId + " is not this card's");
            }
            List<SaleLine> paidNow = new ArrayList<>();
            if (feeDue) {
                paidNow.add(fee);
            }
            paidNow.addAll(lines);
            SaleOutcome cash = hospitalCash().cashEntry(paidNow, fault, view, idNumber, clerk, EntryKind.OUTPATIENT);
            if (!(cash instanceof SaleOutcome.CashResettle paid)) {
                return cashRefused(cash, opened);
            }
            if (feeDue) {
                // The fee is paid in cash: the center's visit must not charge it again, so the visit stays in cash.
                visits.setStatus(mdtrtId, VisitBook.Status.CASH);
            }
            LOG.info("R11: batch of visit {} paid in cash during a fault ({}): entry {}", mdtrtId, fault, paid.entryNo());
            return new VisitOutcome.CashResettle(mdtrtId, false, paid, loadedFen(opened));
        });
    }

    /**
     * The clerk closes a visit: it takes no further payment. A visit with nothing paid is cancelled instead
     * ({@link #cancel}); the day close closes the day's visits ({@link #closeDay}).
     */
    public VisitOutcome close(String mdtrtId) {
        Optional<VisitBook.Visit> visit = visits.visit(mdtrtId);
        if (visit.isEmpty() || !visit.get().status().open()) {
            return refused("registration.visit_not_open", "close " + mdtrtId + ": "
                    + visit.map(v -> v.status().name()).orElse("not registered at this desk"));
        }
        visits.setStatus(mdtrtId, VisitBook.Status.CLOSED);
        LOG.info("Visit {} closed by the clerk", mdtrtId);
        return new VisitOutcome.Closed(mdtrtId);
    }

    /** The day close: every visit still open from {@code day} or before is closed. Returns how many. */
    public int closeDay(LocalDate day) {
        int n = visits.closeDay(day, true);
        if (n > 0) {
            LOG.info("Day close {}: {} open visit(s) closed", day, n);
        }
        return n;
    }

    /** Cancels a visit that was registered and not settled ({@code 2202}). No card is needed: nothing was paid. */
    public VisitOutcome cancel(String mdtrtId) {
        Optional<HostApi> api = online.get();
        if (api.isEmpty()) {
            return refused("registration.center_needed", "no center for 2202");
        }
        try {
            api.get().cancelRegistration(mdtrtId);
        } catch (CenterRefusal e) {
            return refused("registration.center_refused", e.getMessage());
        } catch (CenterUnreachable e) {
            return refused("registration.center_needed", e.getMessage()); // the center watch has marked the center
        }
        visits.setStatus(mdtrtId, VisitBook.Status.CANCELLED);
        LOG.info("Visit {} cancelled", mdtrtId);
        return new VisitOutcome.Cancelled(mdtrtId);
    }

    // ---------------------------------------------------------------- the card and the center

    @FunctionalInterface
    private interface WithCard {
        VisitOutcome run(CardSession.Opened card, HostApi api);
    }

    /**
     * R11 case 2 at the desk: what a fault of the reader, card, PSAM or center leads to ({@code card}: the card as it was
     * opened before the fault, or null when none was).
     */
    @FunctionalInterface
    private interface OnFault {
        VisitOutcome cash(Fault fault, CardSession.Opened card, String detail);
    }

    /**
     * Hospital terminal, center signed in, card read and checked (torn sales first, R15 loads), card allowed to pay. A
     * fault of the reader, card, PSAM or center goes to {@code onFault} (the cash path) when given, else refuses as
     * before. The center's part state is kept by the center watch every request passes.
     */
    private VisitOutcome withCard(WithCard work, OnFault onFault) {
        if (kind != TerminalKind.HOSPITAL) {
            return refused("registration.not_hospital", "institution.kind is " + kind);
        }
        Optional<HostApi> center = online.get();
        if (center.isEmpty()) {
            return onFault != null ? onFault.cash(Fault.CENTER_UNREACHABLE, null, "not signed in")
                    : refused("registration.center_needed", "not signed in");
        }
        CardSession.Opening opening;
        try {
            opening = cardSession.open(CardSession.Loads.APPLY);
        } catch (CardRefusal e) {
            cardSession.psamFaulted(e.getMessage());
            return onFault != null ? onFault.cash(Fault.PSAM_FAILURE, null, e.getMessage())
                    : refused("registration.card_unreadable", e.getMessage());
        }
        if (opening instanceof CardSession.NotOpened no) {
            if (no.failure() != CardSession.Failure.UNUSABLE_CARD && onFault != null) {
                return onFault.cash(switch (no.failure()) {
                    case NO_READER -> Fault.NO_READER;
                    case PSAM_FAILURE -> Fault.PSAM_FAILURE;
                    default -> Fault.CARD_UNREADABLE;
                }, null, no.detail());
            }
            return refused(no.failure() == CardSession.Failure.UNUSABLE_CARD ? "sale.card_unusable" : "registration.card_unreadable",
                    no.failure() + ": " + no.detail());
        }
        CardSession.Opened opened = (CardSession.Opened) opening;
        CardView view = opened.view();
        if (view.verdict().refused() || !view.verdict().personalAccountUsable()) {
            String key = view.verdict().messageKey().orElse("status.blocked");
            LOG.info("Registration refused: card {} is {} ({})", view.info().cardNo(), view.verdict().status(), key);
            return refused(key, opened, null);
        }
        if (!view.online()) {
            return onFault != null ? onFault.cash(Fault.CENTER_UNREACHABLE, opened, "1101 unanswered")
                    : refused("registration.center_needed", opened, "1101 unanswered");
        }
        try {
            return work.run(opened, center.get());
        } catch (CenterUnreachable e) {
            // Only 2201/2206 can go unanswered here (before any debit): the settle after a debit goes through the outbox.
            return onFault != null ? onFault.cash(Fault.CENTER_UNREACHABLE, opened, e.getMessage())
                    : refused("registration.center_needed", opened, e.getMessage());
        }
    }

    /** The pharmacy's cash path (one path for every desk): entry, 8400 queued, cash receipt. */
    private PharmacySale hospitalCash() {
        return sale;
    }

    /** The cash path said no (ID number missing or mistyped, cancelled at the split): its message, nothing recorded. */
    private static VisitOutcome cashRefused(SaleOutcome cash, CardSession.Opened opened) {
        // No card payment was attempted: the refusal states no balance.
        return new VisitOutcome.Refused(cash.card().map(VisitOutcome.CardHolder::of), cash.plan(), OptionalLong.empty(),
                cash.messageKey(), cash.messageArgs(), loadedFen(opened));
    }

    private VisitOutcome settleVisit(CardSession.Opened opened, HostApi api, String mdtrtId, List<SaleLine> items, SaleLine fee,
                                     PinSource pin, String clerk, PaidFor paidFor) {
        CardView view = opened.view();
        PreSettlement pre;
        try {
            pre = api.outpatientPreSettle(mdtrtId, items);
        } catch (CenterRefusal e) {
            return refused("registration.center_refused", opened, e.getMessage());
        }
        PaymentPlan plan;
        try {
            plan = policy.onlinePlan(pre, view.payableFen(), OptionalLong.empty(),
                    policy.poolingAllowed(view, paidFor, visits.today()));
        } catch (IllegalStateException e) {
            LOG.error("Visit {}: {}", mdtrtId, e.getMessage());
            return refused("sale.pooling_not_allowed", opened, e.getMessage());
        }
        List<SaleLine> all = new ArrayList<>();
        if (fee != null) {
            all.add(fee);
        }
        all.addAll(items);
        SaleOutcome paid = sale.payPreSettled(opened.card(), opened.psam(), view, plan,
                new HostRequest.OutpatientSettle2207(pre.presettleId(), plan.accountFen(), plan.cashFen(), null),
                codec.items(all), pin, clerk, paidFor);
        if (paid instanceof SaleOutcome.Settled || paid instanceof SaleOutcome.SettlementPending) {
            visits.setStatus(mdtrtId, VisitBook.Status.SETTLED);
        }
        long loaded = opened.loadedFen();
        if (paid instanceof SaleOutcome.Settled s) {
            return new VisitOutcome.Settled(mdtrtId, s, loaded);
        }
        if (paid instanceof SaleOutcome.SettlementPending p) {
            return new VisitOutcome.SettlementPending(mdtrtId, p, loaded);
        }
        if (paid instanceof SaleOutcome.SettlementRejected r) {
            return new VisitOutcome.SettlementRejected(mdtrtId, r, loaded);
        }
        if (paid instanceof SaleOutcome.Interrupted i) {
            return new VisitOutcome.Interrupted(mdtrtId, i, loaded);
        }
        if (!(paid instanceof SaleOutcome.Refused)) {
            // An online pre-settled payment neither goes offline nor to cash; should it ever, the clerk is not told "paid".
            LOG.error("Visit {}: unexpected payment outcome {}", mdtrtId, paid.kind());
        }
        return new VisitOutcome.Refused(paid.card().map(VisitOutcome.CardHolder::of), paid.plan(), paid.balanceAfterFen(),
                paid.messageKey(), paid.messageArgs(), loaded);
    }

    private static SaleLine regLine(Department d) {
        return new SaleLine("REG-" + d.code(), 1, d.regFeeFen());
    }

    private static VisitOutcome.CardHolder holder(CardView view) {
        return new VisitOutcome.CardHolder(view.info().cardNo().masked(), view.holder().name());
    }

    private static Optional<CardView> viewOf(CardSession.Opened opened) {
        return Optional.ofNullable(opened).map(CardSession.Opened::view);
    }

    private static long loadedFen(CardSession.Opened opened) {
        return opened == null ? 0 : opened.loadedFen();
    }

    /** Refused before any card was read. */
    private static VisitOutcome refused(String key, String detail) {
        return refused(key, null, detail);
    }

    /** Refused with the card as it was opened (its R15 loads stay on it and are told), or before one was ({@code null}). */
    private static VisitOutcome refused(String key, CardSession.Opened opened, String detail) {
        if (detail != null) {
            LOG.info("Registration desk refused ({}): {}", key, detail);
        }
        return new VisitOutcome.Refused(Optional.ofNullable(opened).map(o -> holder(o.view())), Optional.empty(), OptionalLong.empty(),
                key, List.of(), loadedFen(opened));
    }
}
