package org.medcard.terminal.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.medcard.apdu.CardRefusal;
import org.medcard.card.MedicalCard;
import org.medcard.psam.Psam;
import org.medcard.queue.EntryKind;
import org.medcard.queue.Fault;
import org.medcard.terminal.catalog.Downloads;
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
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SalePolicy;
import org.medcard.terminal.sale.SaleTexts;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.store.TerminalDb;
import org.medcard.terminal.text.Texts;
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
 */
public final class RegistrationDesk {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationDesk.class);

    private final TerminalKind kind;
    private final Supplier<Optional<HostApi>> online;
    private final CardSession cardSession;
    private final PharmacySale sale;
    private final SalePolicy policy;
    private final Downloads downloads;
    private final PartListener parts;
    private final Texts messages;
    private final Clock clock;
    private final DepartmentCatalog departments;
    private final VisitBook visits;
    private final HostCodec codec = new HostCodec();
    private final SaleTexts saleTexts;
    /** The local id of a visit registered in cash during a fault: no center visit exists for it. */
    static final String CASH_VISIT = "CASH-";

    /**
     * @param kind   only a hospital terminal registers
     * @param online the center's API when the terminal may talk to it now (signing in if it must)
     * @param sale   the pharmacy sale, whose debit step pays a visit ({@link PharmacySale#payPreSettled})
     * @param db     where the open visits are kept ({@code terminal.db})
     */
    public RegistrationDesk(TerminalKind kind, Supplier<Optional<HostApi>> online, CardSession cardSession, PharmacySale sale,
                            SalePolicy policy, Downloads downloads, PartListener parts, Texts messages, TerminalDb db, Clock clock,
                            DepartmentCatalog departments) {
        this.kind = kind;
        this.online = online;
        this.cardSession = cardSession;
        this.sale = sale;
        this.policy = policy;
        this.downloads = downloads;
        this.parts = parts;
        this.messages = messages;
        this.clock = clock;
        this.departments = departments;
        this.visits = new VisitBook(db, clock);
        this.saleTexts = new SaleTexts(messages::text, messages::faultName, messages::centerSays);
    }

    /**
     * Registers the card in the slot for {@code deptCode} (and {@code doctorCode}, or the department's first
     * doctor). With {@code settleNow} the fee is paid at once (2206 with the fee as its only line, 2207) and
     * the visit is closed; without it the fee is settled later together with the visit's items.
     */
    public VisitOutcome register(String deptCode, String doctorCode, boolean settleNow, PinSource pin, String clerk) {
        return register(deptCode, doctorCode, null, settleNow, pin, clerk);
    }

    /**
     * Registers a visit of a family member (R3) paid with the cardholder's card, exactly as the pharmacy sells to one
     * ({@link org.medcard.terminal.sale.SalePolicy#familyRefusal}): an EMPLOYEE card, online, the member in the
     * center's {@code 1101} family list; the pooling fund pays nothing for them.
     *
     * @param beneficiaryPsnNo the family member's psn_no from 1101, or null for the cardholder
     */
    public VisitOutcome register(String deptCode, String doctorCode, String beneficiaryPsnNo, boolean settleNow, PinSource pin,
                                 String clerk) {
        return register(deptCode, doctorCode, beneficiaryPsnNo, settleNow, pin, clerk, null);
    }

    /**
     * As {@link #register(String, String, String, boolean, PinSource, String)}, with the hospital's fault path (R11 case 2):
     * when the reader, the card, the PSAM or the center is faulty the fee is paid in cash now (whatever {@code settleNow}
     * says: no visit can be registered with the center), the entry recorded with the typed ID number and a local visit
     * opened for the day's further batches. Without an ID number the clerk is asked for it.
     *
     * @param idNumber the patient's ID number typed from the ID card, or null when not typed (yet)
     */
    public VisitOutcome register(String deptCode, String doctorCode, String beneficiaryPsnNo, boolean settleNow, PinSource pin,
                                 String clerk, String idNumber) {
        String beneficiary = beneficiaryPsnNo == null || beneficiaryPsnNo.isBlank() ? null : beneficiaryPsnNo.trim();
        Optional<Department> dept = departments.department(deptCode);
        if (dept.isEmpty()) {
            return refused("registration.unknown_department", null, "department " + deptCode);
        }
        Optional<Department.Doctor> doctor = dept.get().doctor(doctorCode);
        if (doctor.isEmpty()) {
            return refused("registration.unknown_doctor", null, "doctor " + doctorCode + " in " + deptCode);
        }
        return withCard((card, psam, view, api) -> {
            String cardNo = view.info().cardNo().digits();
            if (beneficiary != null) {
                Optional<String> r3 = policy.familyRefusal(view, beneficiary);
                if (r3.isPresent()) {
                    return refused(r3.get(), view, "R3: scheme " + view.scheme() + ", family member " + beneficiary);
                }
            }
            Registration reg;
            try {
                reg = api.register(view.person().orElseThrow().psnNo(), cardNo, beneficiary, dept.get().code(), doctor.get().code(),
                        dept.get().regFeeFen());
            } catch (CenterRefusal e) {
                return refused("registration.center_refused", view, e.getMessage());
            }
            visits.registered(reg.mdtrtId(), cardNo, dept.get().code(), doctor.get().code(), reg.regFeeFen());
            LOG.info("Registered visit {} for card {} in {} with {}", reg.mdtrtId(), view.info().cardNo(), dept.get().code(),
                    doctor.get().code());
            if (!settleNow) {
                PaymentPlan foreseen = new PaymentPlan(reg.regFeeFen(), reg.fundPayFen(), reg.acctPayMaxFen(), reg.cashPayMinFen());
                return new VisitOutcome(VisitOutcome.Kind.REGISTERED, reg.mdtrtId(), foreseen, reg.noPoolingRule(), null,
                        view.info().cardNo().masked(), view.holder().name(), "registration.registered",
                        messages.text("registration.registered", reg.mdtrtId()), 0);
            }
            return settleVisit(card, psam, view, api, reg.mdtrtId(), List.of(), regLine(dept.get()), pin, clerk, beneficiary);
        }, beneficiary != null ? null : (fault, view, detail) -> {
            SaleOutcome cash = hospitalCash().cashEntry(List.of(regLine(dept.get())), fault, view, idNumber, clerk, EntryKind.OUTPATIENT);
            if (cash.kind() != SaleOutcome.Kind.CASH_RESETTLE) {
                return cashRefused(cash);
            }
            String localId = CASH_VISIT + ((SaleOutcome.CashResettle) cash).entryNo();
            visits.registeredInCash(localId, dept.get().code(), doctor.get().code(), dept.get().regFeeFen());
            LOG.info("R11: registration fee of visit {} paid in cash during a fault ({}): entry {}", localId, fault, ((SaleOutcome.CashResettle) cash).entryNo());
            return cashPaid(localId, cash, view, "registration.cash_registered", localId, ((SaleOutcome.CashResettle) cash).entryNo(), messages.faultName(fault));
        });
    }

    /**
     * Settles a batch of a visit registered at this desk: the items the doctor prescribed, and the fee when it was not
     * paid yet (the center adds it). A visit is paid more than once on its day — the fee at registration, then each
     * batch at the payment window — until the clerk ({@link #close}) or the day close closes it.
     */
    public VisitOutcome settle(String mdtrtId, List<SaleItem> items, PinSource pin, String clerk) {
        return settle(mdtrtId, items, pin, clerk, null);
    }

    /**
     * As {@link #settle(String, List, PinSource, String)}, with the hospital's fault path (R11 case 2): when the reader,
     * the card, the PSAM or the center is faulty the batch (with the fee, if still unpaid) is paid in cash and becomes a
     * re-settlement entry registered with 8400. A visit whose fee was paid in cash takes its further batches in cash only.
     *
     * @param idNumber the patient's ID number typed from the ID card, or null when not typed (yet)
     */
    public VisitOutcome settle(String mdtrtId, List<SaleItem> items, PinSource pin, String clerk, String idNumber) {
        Optional<VisitBook.Visit> visit = visits.visit(mdtrtId);
        if (visit.isEmpty() || !visit.get().status().open()) {
            return refused("registration.visit_not_open", null, "visit " + mdtrtId + ": "
                    + visit.map(v -> v.status().name()).orElse("not registered at this desk"));
        }
        if (visit.get().registeredOn().isBefore(LocalDate.now(clock))) {
            visits.closeDay(LocalDate.now(clock), false);
            return refused("registration.visit_day_over", null, "visit " + mdtrtId + " of " + visit.get().registeredOn());
        }
        boolean feeDue = visit.get().status() == VisitBook.Status.REGISTERED;
        if (!feeDue && items.isEmpty()) {
            return refused("registration.nothing_to_pay", null, "visit " + mdtrtId + ": fee paid, no items");
        }
        List<SaleLine> lines = new ArrayList<>();
        for (SaleItem i : items) {
            Optional<CatalogItem> c = downloads.item(i.code());
            if (c.isEmpty()) {
                return refused("sale.unknown_item", null, "unknown item code " + i.code());
            }
            lines.add(new SaleLine(c.get().code(), i.quantity(), c.get().priceFen()));
        }
        Department dept = departments.department(visit.get().deptCode()).orElse(null);
        SaleLine fee = dept == null ? new SaleLine("REG-" + visit.get().deptCode(), 1, visit.get().regFeeFen()) : regLine(dept);
        VisitBook.Visit v = visit.get();
        return withCard((card, psam, view, api) -> {
            if (v.status() == VisitBook.Status.CASH) {
                return refused("registration.cash_visit", view, "visit " + mdtrtId + " was paid in cash; card and center work now");
            }
            if (!view.info().cardNo().digits().equals(v.cardNo())) {
                return refused("registration.wrong_card", view, "visit " + mdtrtId + " is not this card's");
            }
            return settleVisit(card, psam, view, api, mdtrtId, lines, feeDue ? fee : null, pin, clerk, null);
        }, (fault, view, detail) -> {
            if (view != null && !v.cardNo().isEmpty() && !view.info().cardNo().digits().equals(v.cardNo())) {
                return refused("registration.wrong_card", view, "visit " + mdtrtId + " is not this card's");
            }
            List<SaleLine> batch = new ArrayList<>();
            if (feeDue) {
                batch.add(fee);
            }
            batch.addAll(lines);
            SaleOutcome cash = hospitalCash().cashEntry(batch, fault, view, idNumber, clerk, EntryKind.OUTPATIENT);
            if (cash.kind() != SaleOutcome.Kind.CASH_RESETTLE) {
                return cashRefused(cash);
            }
            if (feeDue) {
                // The fee is paid in cash: the center's visit must not charge it again, so the visit stays in cash.
                visits.setStatus(mdtrtId, VisitBook.Status.CASH);
            }
            LOG.info("R11: batch of visit {} paid in cash during a fault ({}): entry {}", mdtrtId, fault, ((SaleOutcome.CashResettle) cash).entryNo());
            return cashPaid(mdtrtId, cash, view, "registration.cash_batch", mdtrtId, ((SaleOutcome.CashResettle) cash).entryNo(), messages.faultName(fault));
        });
    }

    /**
     * The clerk closes a visit: it takes no further payment. A visit with nothing paid is cancelled instead
     * ({@link #cancel}); the day close closes the day's visits ({@link #closeDay}).
     */
    public VisitOutcome close(String mdtrtId) {
        Optional<VisitBook.Visit> visit = visits.visit(mdtrtId);
        if (visit.isEmpty() || !visit.get().status().open()) {
            return refused("registration.visit_not_open", null, "close " + mdtrtId + ": "
                    + visit.map(v -> v.status().name()).orElse("not registered at this desk"));
        }
        visits.setStatus(mdtrtId, VisitBook.Status.CLOSED);
        LOG.info("Visit {} closed by the clerk", mdtrtId);
        return new VisitOutcome(VisitOutcome.Kind.CLOSED, mdtrtId, null, null, null, null, null, "registration.closed",
                messages.text("registration.closed", mdtrtId), 0);
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
            return refused("registration.center_needed", null, "no center for 2202");
        }
        try {
            api.get().cancelRegistration(mdtrtId);
        } catch (CenterRefusal e) {
            return refused("registration.center_refused", null, e.getMessage());
        } catch (CenterUnreachable e) {
            parts.fault(PartListener.Part.CENTER, e.getMessage());
            return refused("registration.center_needed", null, e.getMessage());
        }
        visits.setStatus(mdtrtId, VisitBook.Status.CANCELLED);
        LOG.info("Visit {} cancelled", mdtrtId);
        return new VisitOutcome(VisitOutcome.Kind.CANCELLED, mdtrtId, null, null, null, null, null, "registration.cancelled",
                messages.text("registration.cancelled", mdtrtId), 0);
    }

    // ---------------------------------------------------------------- the card and the center

    @FunctionalInterface
    private interface WithCard {
        VisitOutcome run(MedicalCard card, Psam psam, CardView view, HostApi api);
    }

    /** R11 case 2 at the desk: what a fault of the reader, card, PSAM or center leads to (the card's view when it was read). */
    @FunctionalInterface
    private interface OnFault {
        VisitOutcome cash(Fault fault, CardView view, String detail);
    }

    /**
     * Hospital terminal, center signed in, card read and checked (torn sales first), card allowed to pay. A fault of
     * the reader, card, PSAM or center goes to {@code onFault} (the cash path) when given, else refuses as before.
     */
    private VisitOutcome withCard(WithCard work, OnFault onFault) {
        if (kind != TerminalKind.HOSPITAL) {
            return refused("registration.not_hospital", null, "institution.kind is " + kind);
        }
        Optional<HostApi> center = online.get();
        if (center.isEmpty()) {
            return onFault != null ? onFault.cash(Fault.CENTER_UNREACHABLE, null, "not signed in")
                    : refused("registration.center_needed", null, "not signed in");
        }
        CardSession.Opening opening;
        try {
            opening = cardSession.open(CardSession.Loads.APPLY);
        } catch (CardRefusal e) {
            cardSession.psamFaulted(e.getMessage());
            return onFault != null ? onFault.cash(Fault.PSAM_FAILURE, null, e.getMessage())
                    : refused("registration.card_unreadable", null, e.getMessage());
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
                    null, no.failure() + ": " + no.detail());
        }
        CardSession.Opened opened = (CardSession.Opened) opening;
        MedicalCard card = opened.card();
        Psam psam = opened.psam();
        CardView view = opened.view();
        if (view.verdict().refused() || !view.verdict().personalAccountUsable()) {
            String key = view.verdict().messageKey().orElse("status.blocked");
            LOG.info("Registration refused: card {} is {} ({})", view.info().cardNo(), view.verdict().status(), key);
            return refused(key, view, null).withLoadedFen(opened.loadedFen());
        }
        if (!view.online()) {
            return (onFault != null ? onFault.cash(Fault.CENTER_UNREACHABLE, view, "1101 unanswered")
                    : refused("registration.center_needed", view, "1101 unanswered")).withLoadedFen(opened.loadedFen());
        }
        try {
            VisitOutcome o = work.run(card, psam, view, center.get());
            parts.ok(PartListener.Part.CENTER, "online");
            return o.withLoadedFen(opened.loadedFen());
        } catch (CenterUnreachable e) {
            // Only 2201/2206 can go unanswered here (before any debit): the settle after a debit goes through the outbox.
            parts.fault(PartListener.Part.CENTER, e.getMessage());
            return (onFault != null ? onFault.cash(Fault.CENTER_UNREACHABLE, view, e.getMessage())
                    : refused("registration.center_needed", view, e.getMessage())).withLoadedFen(opened.loadedFen());
        }
    }

    /** The pharmacy's cash path (one path for every desk): entry, 8400 queued, cash receipt. */
    private PharmacySale hospitalCash() {
        return sale;
    }

    private VisitOutcome cashPaid(String visitId, SaleOutcome cash, CardView view, String key, Object... args) {
        return new VisitOutcome(VisitOutcome.Kind.CASH_RESETTLE, visitId, cash.plan().orElse(null), null, cash,
                view == null ? null : view.info().cardNo().masked(), view == null ? null : view.holder().name(), key,
                messages.text(key, args), 0);
    }

    /** The cash path said no (ID number missing or mistyped, cancelled at the split): its message, nothing recorded. */
    private VisitOutcome cashRefused(SaleOutcome cash) {
        return new VisitOutcome(VisitOutcome.Kind.REFUSED, null, cash.plan().orElse(null), null, null,
                cash.card().map(SaleOutcome.CardContact::cardNoMasked).orElse(null),
                cash.card().map(SaleOutcome.CardContact::holderName).orElse(null), cash.messageKey(), saleTexts.line(cash), 0);
    }

    private VisitOutcome settleVisit(MedicalCard card, Psam psam, CardView view, HostApi api, String mdtrtId, List<SaleLine> items,
                                     SaleLine fee, PinSource pin, String clerk, String beneficiary) {
        PreSettlement pre;
        try {
            pre = api.outpatientPreSettle(mdtrtId, items);
        } catch (CenterRefusal e) {
            return refused("registration.center_refused", view, e.getMessage());
        }
        LocalDate today = LocalDate.now(clock);
        PaymentPlan plan;
        try {
            plan = policy.onlinePlan(pre, Math.max(0, view.balanceFen()), -1,
                    policy.poolingAllowed(view, beneficiary, today));
        } catch (IllegalStateException e) {
            LOG.error("Visit {}: {}", mdtrtId, e.getMessage());
            return refused("sale.pooling_not_allowed", view, e.getMessage());
        }
        List<SaleLine> all = new ArrayList<>();
        if (fee != null) {
            all.add(fee);
        }
        all.addAll(items);
        SaleOutcome paid = sale.payPreSettled(card, psam, view, plan,
                new HostRequest.OutpatientSettle2207(pre.presettleId(), plan.accountFen(), plan.cashFen(), null),
                codec.items(all), pin, clerk, beneficiary);
        VisitOutcome.Kind kind = switch (paid.kind()) {
            case SETTLED -> VisitOutcome.Kind.SETTLED;
            case SETTLEMENT_PENDING -> VisitOutcome.Kind.SETTLEMENT_PENDING;
            case SETTLEMENT_REJECTED -> VisitOutcome.Kind.SETTLEMENT_REJECTED;
            case INTERRUPTED -> VisitOutcome.Kind.INTERRUPTED;
            default -> VisitOutcome.Kind.REFUSED;
        };
        if (kind == VisitOutcome.Kind.SETTLED || kind == VisitOutcome.Kind.SETTLEMENT_PENDING) {
            visits.setStatus(mdtrtId, VisitBook.Status.SETTLED);
        }
        return new VisitOutcome(kind, mdtrtId, paid.plan().isEmpty() ? null : plan, null, paid, view.info().cardNo().masked(),
                view.holder().name(), paid.messageKey(), saleTexts.line(paid), 0);
    }

    private static SaleLine regLine(Department d) {
        return new SaleLine("REG-" + d.code(), 1, d.regFeeFen());
    }

    private VisitOutcome refused(String key, CardView view, String detail) {
        if (detail != null) {
            LOG.info("Registration desk refused ({}): {}", key, detail);
        }
        return new VisitOutcome(VisitOutcome.Kind.REFUSED, null, null, null, null, view == null ? null : view.info().cardNo().masked(),
                view == null ? null : view.holder().name(), key, messages.text(key), 0);
    }
}
