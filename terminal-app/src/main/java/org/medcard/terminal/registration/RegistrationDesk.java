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
 * <p>Everything here needs the center (the visit id comes from it); there is no offline registration.
 * Runs on the reader's worker thread.
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
        });
    }

    /** Settles a visit registered at this desk, with the items the doctor prescribed (the fee is added by the center). */
    public VisitOutcome settle(String mdtrtId, List<SaleItem> items, PinSource pin, String clerk) {
        Optional<VisitBook.Visit> visit = visits.visit(mdtrtId);
        if (visit.isEmpty() || visit.get().status() != VisitBook.Status.REGISTERED) {
            return refused("registration.visit_not_open", null, "visit " + mdtrtId + ": "
                    + visit.map(v -> v.status().name()).orElse("not registered at this desk"));
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
        return withCard((card, psam, view, api) -> {
            if (!view.info().cardNo().digits().equals(visit.get().cardNo())) {
                return refused("registration.wrong_card", view, "visit " + mdtrtId + " is not this card's");
            }
            return settleVisit(card, psam, view, api, mdtrtId, lines, fee, pin, clerk, null);
        });
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

    /** Hospital terminal, center signed in, card read and checked (torn sales first), card allowed to pay. */
    private VisitOutcome withCard(WithCard work) {
        if (kind != TerminalKind.HOSPITAL) {
            return refused("registration.not_hospital", null, "institution.kind is " + kind);
        }
        Optional<HostApi> center = online.get();
        if (center.isEmpty()) {
            return refused("registration.center_needed", null, "not signed in");
        }
        CardSession.Opening opening;
        try {
            opening = cardSession.open(CardSession.Loads.APPLY);
        } catch (CardRefusal e) {
            cardSession.psamFaulted(e.getMessage());
            return refused("registration.card_unreadable", null, e.getMessage());
        }
        if (opening instanceof CardSession.NotOpened no) {
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
            return refused("registration.center_needed", view, "1101 unanswered").withLoadedFen(opened.loadedFen());
        }
        try {
            VisitOutcome o = work.run(card, psam, view, center.get());
            parts.ok(PartListener.Part.CENTER, "online");
            return o.withLoadedFen(opened.loadedFen());
        } catch (CenterUnreachable e) {
            parts.fault(PartListener.Part.CENTER, e.getMessage());
            return refused("registration.center_needed", view, e.getMessage()).withLoadedFen(opened.loadedFen());
        }
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
        all.add(fee);
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
        return new VisitOutcome(kind, mdtrtId, paid.plan() == null ? null : plan, null, paid, view.info().cardNo().masked(),
                view.holder().name(), paid.messageKey(), paid.message(), 0);
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
