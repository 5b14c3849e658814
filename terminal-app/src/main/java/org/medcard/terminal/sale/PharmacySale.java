package org.medcard.terminal.sale;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.OptionalLong;

import org.medcard.apdu.Hex;
import org.medcard.card.ForgedCardException;
import org.medcard.card.IdNumber;
import org.medcard.card.MedicalCard;
import org.medcard.card.PinResult;
import org.medcard.card.PurchaseIntent;
import org.medcard.card.PurchaseResult;
import org.medcard.card.PurseRefusal;
import org.medcard.psam.Psam;
import org.medcard.queue.Fault;
import org.medcard.queue.LimitDecision;
import org.medcard.queue.OfflineMode;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementRequest;
import org.medcard.queue.EntryKind;
import org.medcard.queue.SaleIntent;
import org.medcard.queue.SaleTicket;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.ItemKind;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.center.PreSettlement;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.center.Settled;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.sale.SaleOutcome.Beneficiary;
import org.medcard.terminal.sale.SaleOutcome.CardContact;
import org.medcard.terminal.sale.SaleOutcome.CardDebit;
import org.medcard.terminal.sale.SaleOutcome.Purchase;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.session.TornSale;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.store.FreeSpace;
import org.medcard.transport.CardFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pharmacy sale at the counter, step by step as the business rules say:
 * <ol>
 *   <li>the card is read and checked (status table; R5, R7, R8, R9); torn sales of this card are resolved first;</li>
 *   <li>online: {@code 2101} pre-settle → {@link SalePolicy#onlinePlan} (R3, R4, R6, R12) → PIN (R10) → debit,
 *       journalled before DEBIT goes out → {@code 2102} through the outbox → settled, pending or rejected;</li>
 *   <li>center unreachable and {@code STORE_AND_FORWARD}: local catalog prices, the offline limits, an offline
 *       debit queued for {@code 8301} (R11 case 1);</li>
 *   <li>limits refuse, {@code CASH_RESETTLE}, or the reader, card or PSAM unusable: cash and a re-settlement
 *       entry (R11 case 2).</li>
 * </ol>
 *
 * <p>Runs on the reader's worker thread (card, PSAM and center I/O); never on the UI thread.
 */
public final class PharmacySale {
    private static final Logger LOG = LoggerFactory.getLogger(PharmacySale.class);
    private static final DateTimeFormatter TX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Slot slot;
    private final Books books;
    private final Rules rules;
    private final Reports reports;
    private final Clock clock;
    private final HostCodec codec = new HostCodec();

    private final boolean applyLoads;
    private final PlanConfirmation confirmation;

    /**
     * The card slot: the one card session that opens the card (status, R15 loads) and the recovery of a sale
     * torn at the card (its debit answer lost).
     */
    public record Slot(CardSession session, TearRecovery tornSales) {
        public Slot {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(tornSales, "tornSales");
        }
    }

    /**
     * Where the sale is written down before the card pays and from where it is settled: the durable queue, the
     * outbox's online settle, and the data directory's room checked before any debit (issue 18 case 5).
     */
    public record Books(OfflineQueue queue, OnlineSettler settler, FreeSpace freeSpace) {
        public Books {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(settler, "settler");
            Objects.requireNonNull(freeSpace, "freeSpace");
        }
    }

    /**
     * What the sale may do: the business rules' policy, an item code's catalog entry (the downloaded catalog, also
     * offline) and the R11 offline mode (debit offline within the limits, or cash and a re-settlement entry).
     */
    public record Rules(SalePolicy policy, Function<String, Optional<CatalogItem>> prices, OfflineMode offlineMode) {
        public Rules {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(offlineMode, "offlineMode");
        }
    }

    /**
     * Where the sale reports: the parts' states (center, card, PSAM: the status bar) and security events (a forged
     * card, R10).
     */
    public record Reports(PartListener parts, AuditLog audit) {
        public Reports {
            Objects.requireNonNull(parts, "parts");
            Objects.requireNonNull(audit, "audit");
        }
    }

    /** A sale that first credits the card's pending loads when online (R15) and goes ahead with every split. */
    public PharmacySale(Slot slot, Books books, Rules rules, Reports reports, Clock clock) {
        this(slot, books, rules, reports, clock, true, PlanConfirmation.ALWAYS);
    }

    private PharmacySale(Slot slot, Books books, Rules rules, Reports reports, Clock clock, boolean applyLoads,
                         PlanConfirmation confirmation) {
        this.slot = slot;
        this.books = books;
        this.rules = rules;
        this.reports = reports;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.applyLoads = applyLoads;
        this.confirmation = confirmation;
    }

    /**
     * This sale without the card's pending loads: only where a test pins the card's balance to its profile (loads
     * are tested on their own), or where the desk applied them already.
     */
    public PharmacySale withoutLoads() {
        return new PharmacySale(slot, books, rules, reports, clock, false, confirmation);
    }

    /** This sale asking {@code c} with the split before any debit or cash entry (the desktop app); false cancels. */
    public PharmacySale confirmingWith(PlanConfirmation c) {
        return new PharmacySale(slot, books, rules, reports, clock, applyLoads, c);
    }

    /** Sells to the card in the card slot, opened through the one card session (torn sales, R15 loads, status). */
    public SaleOutcome sell(SaleRequest request) {
        Optional<SaleOutcome> service = serviceItemRefusal(request.items());
        if (service.isPresent()) {
            return service.get();
        }
        CardSession.Opening opening = slot.session().open(applyLoads ? CardSession.Loads.APPLY : CardSession.Loads.SKIP);
        if (opening instanceof CardSession.NotOpened no) {
            return switch (no.failure()) {
                case NO_READER -> cash(request, Fault.NO_READER, null, null, no.detail());
                case CARD_UNREADABLE -> cash(request, Fault.CARD_UNREADABLE, null, null, no.detail());
                case PSAM_FAILURE -> cash(request, Fault.PSAM_FAILURE, null, null, no.detail());
                case UNUSABLE_CARD -> refused("sale.card_unusable", null, no.detail());
            };
        }
        CardSession.Opened o = (CardSession.Opened) opening;
        CardContact contact = CardContact.of(o.view(), o.recovered(), o.loadedFen());
        return sellTo(request, o.card(), o.psam(), o.view(), contact, o.center());
    }

    private SaleOutcome sellTo(SaleRequest request, MedicalCard card, Psam psam, CardView view, CardContact contact,
                               Optional<HostApi> center) {
        if (view.verdict().refused() || !view.verdict().personalAccountUsable()) {
            String key = view.verdict().messageKey().orElse("status.blocked");
            LOG.info("Sale refused: card {} is {} ({})", view.info().cardNo(), view.verdict().status(), key);
            return refused(key, contact, null);
        }
        if (view.online()) {
            try {
                return online(request, card, psam, view, contact, center.orElseThrow());
            } catch (CenterUnreachable e) {
                reports.parts().fault(PartListener.Part.CENTER, e.getMessage());
                LOG.warn("Center unreachable during the sale ({}); R11 offline handling", e.getMessage());
            }
        }
        if (request.paidFor().family()) {
            return refused("sale.family_not_offered", contact, "R3: family mutual aid only online");
        }
        if (rules.offlineMode() == OfflineMode.CASH_RESETTLE) {
            return cash(request, Fault.CENTER_UNREACHABLE, view, contact, "offline.mode = CASH_RESETTLE");
        }
        return offline(request, card, psam, view, contact);
    }

    // ---------------------------------------------------------------- online

    private SaleOutcome online(SaleRequest request, MedicalCard card, Psam psam, CardView view, CardContact contact, HostApi api) {
        PersonInfo person = view.person().orElseThrow();
        PaidFor paidFor = request.paidFor();
        if (paidFor.family()) {
            Optional<String> r3 = rules.policy().familyRefusal(view, paidFor.familyPsnNo().get());
            if (r3.isPresent()) {
                return refused(r3.get(), contact, "R3: scheme " + view.scheme() + ", family member " + paidFor.familyPsnNo().get());
            }
        }
        Optional<List<SaleLine>> lines = priced(request.items());
        if (lines.isEmpty()) {
            return refused("sale.unknown_item", contact, unknownItems(request.items()));
        }
        LocalDate today = LocalDate.now(clock);
        PreSettlement pre;
        try {
            pre = api.preSettle(person.psnNo(), view.info().cardNo().digits(), paidFor.familyPsnNo().orElse(null), today,
                    lines.get());
        } catch (CenterRefusal e) {
            return refused("sale.center_refused", contact, e.getMessage());
        }
        reports.parts().ok(PartListener.Part.CENTER, "online");
        PaymentPlan plan;
        try {
            plan = rules.policy().onlinePlan(pre, view.payableFen(), request.requestedAccountFen(),
                    rules.policy().poolingAllowed(view, paidFor, today));
        } catch (IllegalStateException e) {
            LOG.error("Sale stopped: {}", e.getMessage());
            return refused("sale.pooling_not_allowed", contact, e.getMessage());
        }
        if (!confirmation.confirm(plan, Optional.of(view))) {
            return refused("sale.cancelled", contact, "the cashier went back at the split");
        }
        Purchase purchase = new Purchase(plan, lines.get(), beneficiary(view, paidFor),
                noPooling(plan, view, paidFor, today));
        String itemsJson = codec.items(lines.get());
        EncodedMessage settle = codec.encode(new HostRequest.Settle2102(pre.presettleId(), plan.accountFen(), plan.cashFen(), null));
        if (plan.accountFen() == 0) {
            // Nothing to debit: the settle goes through the outbox all the same (its msgid is stored first).
            OutboxMessage m = books.queue().queue(settle, view.info().cardNo().digits());
            return settled(books.settler().settle(m), contact, purchase, Optional.empty());
        }
        String psnCertNo = view.holder().idNumber().value();
        return debit(request, card, psam, view, contact, purchase, (f, why) -> cash(request, f, view, contact, why),
                intent -> SaleIntent.online(view.info().cardNo().digits(), psnCertNo, intent.offlineCounter(), plan.accountFen(),
                        plan.cashFen(), itemsJson, settle));
    }

    // ---------------------------------------------------------------- offline (R11 case 1)

    private SaleOutcome offline(SaleRequest request, MedicalCard card, Psam psam, CardView view, CardContact contact) {
        Optional<List<SaleLine>> lines = priced(request.items());
        if (lines.isEmpty()) {
            return refused("sale.unknown_item", contact, unknownItems(request.items()));
        }
        long total = lines.get().stream().mapToLong(SaleLine::amountFen).sum();
        String cardNo = view.info().cardNo().digits();
        PaymentPlan wanted = rules.policy().offlinePlan(total, view.payableFen(), request.requestedAccountFen().orElse(total));
        if (wanted.accountFen() == 0) {
            return cash(request, Fault.CENTER_UNREACHABLE, view, contact, "nothing payable from the card offline");
        }
        LimitDecision limits = books.queue().checkOfflineDebit(cardNo, wanted.accountFen());
        if (!limits.allowed()) {
            LOG.info("Offline limit refused the debit of {} fen for card {}: {}", wanted.accountFen(), view.info().cardNo(), limits.message());
            return cash(request, limits.reason() == LimitDecision.Reason.MODE_CASH_RESETTLE ? Fault.CENTER_UNREACHABLE
                    : Fault.OFFLINE_LIMIT, view, contact, limits.message());
        }
        if (!confirmation.confirm(wanted, Optional.of(view))) {
            return refused("sale.cancelled", contact, "the cashier went back at the split");
        }
        String itemsJson = codec.items(lines.get());
        String psnCertNo = view.holder().idNumber().value();
        SaleOutcome debited = debit(request, card, psam, view, contact, new Purchase(wanted, lines.get(), Optional.empty(),
                        Optional.of(SalePolicy.NoPooling.OFFLINE)),
                (f, why) -> cash(request, f, view, contact, why), intent -> SaleIntent.offline(cardNo, psnCertNo,
                        intent.offlineCounter(), wanted.accountFen(), wanted.cashFen(), itemsJson));
        if (!(debited instanceof SaleOutcome.OfflineDebited d) || wanted.cashFen() == 0) {
            return debited;
        }
        // The pooling share is never paid offline: the cash share becomes a re-settlement entry that names the card's
        // offline debit (acct_paid = total minus cash_paid, offline_msgid its 8301), so re-settlement never charges it again.
        ResettlementEntry entry = books.queue().recordCashPayment(new ResettlementRequest(Fault.CENTER_UNREACHABLE, psnCertNo,
                request.cashier(), itemsJson, total, wanted.cashFen()).afterOfflineDebit(d.debit().saleId()));
        return new SaleOutcome.OfflineDebited(d.contact(), d.purchase(), d.debit(), Optional.of(entry.entryNo()));
    }

    // ---------------------------------------------------------------- the debit (both modes)

    private SaleOutcome debit(SaleRequest request, MedicalCard card, Psam psam, CardView view, CardContact contact,
                              Purchase purchase, BiFunction<Fault, String, SaleOutcome> beforeDebitFault,
                              Function<PurchaseIntent, SaleIntent> intentFor) {
        PaymentPlan plan = purchase.plan();
        if (rules.policy().pinRequired(plan.accountFen())) {
            Optional<SaleOutcome> pinRefusal;
            try {
                pinRefusal = verifyPin(request.pin(), card, view, contact, plan.accountFen());
            } catch (CardFault e) {
                // The card was pulled (or the reader went) during VERIFY: nothing is debited before DEBIT, so
                // this is a fault before the debit like any other, not an exception for the cashier.
                reports.parts().cardFault(e);
                return beforeDebitFault.apply(Fault.CARD_UNREADABLE, e.getMessage());
            }
            if (pinRefusal.isPresent()) {
                return pinRefusal.get();
            }
        }
        Optional<String> noRoom = books.freeSpace().shortfall();
        if (noRoom.isPresent()) {
            return refused("sale.disk_full", contact, noRoom.get()); // issue 18 case 5: before the card pays, not after
        }
        PurchaseIntent intent;
        try {
            intent = card.initializePurchase(plan.accountFen(), psam.terminalId());
        } catch (PurseRefusal e) {
            return refused(e.reason() == PurseRefusal.Reason.INSUFFICIENT_BALANCE ? "sale.insufficient_balance" : "sale.card_refused",
                    contact, e.getMessage());
        } catch (CardFault e) {
            reports.parts().cardFault(e);
            return beforeDebitFault.apply(Fault.CARD_UNREADABLE, e.getMessage());
        }
        AtomicReference<SaleTicket> ticket = new AtomicReference<>();
        PurchaseResult result;
        try {
            result = card.debit(intent, psam, LocalDateTime.now(clock), pending -> ticket.set(books.queue().beginSale(
                    intentFor.apply(intent).withCardDebit(pending.terminalSeq(), TX_TIME.format(pending.dateTime())))));
        } catch (CardFault e) {
            if (ticket.get() == null) {
                // The fault came before DEBIT went out (the PSAM's MAC1): nothing was debited.
                slot.session().psamFaulted(e.getMessage());
                return beforeDebitFault.apply(Fault.PSAM_FAILURE, e.getMessage());
            }
            Optional<SaleOutcome> resolved = recoverAtOnce(card, psam, view, contact, purchase, ticket.get().saleId());
            if (resolved.isPresent()) {
                return resolved.get();
            }
            reports.parts().cardFault(e);
            LOG.warn("Sale {}: DEBIT unanswered ({}); resolved with GET TRANSACTION PROVE when the card is presented again",
                    ticket.get().saleId(), e.getMessage());
            return new SaleOutcome.Interrupted(contact, purchase, ticket.get().saleId(), Optional.empty());
        } catch (ForgedCardException e) {
            LOG.error("R10: forged card {}: {}; no sale", view.info().cardNo(), e.getMessage());
            reports.audit().record(request.cashier(), "R10_FORGED_CARD", "card " + view.info().cardNo().masked()
                    + ", MAC2 failed PSAM verification; no sale");
            if (ticket.get() != null) {
                books.queue().recordNoDebit(ticket.get().saleId(), "R10: MAC2 failed PSAM verification (forged card)");
            }
            return refused("sale.forged", contact, e.getMessage());
        } catch (PurseRefusal e) {
            if (ticket.get() != null) {
                books.queue().recordNoDebit(ticket.get().saleId(), "card refused DEBIT: " + e.getMessage());
            }
            return refused("sale.card_refused", contact, e.getMessage());
        }
        String saleId = ticket.get().saleId();
        String tac = Hex.of(result.record().tac()).toUpperCase(Locale.ROOT);
        CardDebit debit = new CardDebit(saleId, tac, OptionalLong.of(result.newBalance()));
        Optional<OutboxMessage> settle;
        try {
            settle = books.queue().recordCardDebit(saleId, tac);
        } catch (RuntimeException e) {
            return debitedNotRecorded(contact, purchase, debit, e);
        }
        if (settle.isEmpty()) {
            LOG.info("Sale {}: card {} debited {} fen offline (TAC {}), to be uploaded", saleId, view.info().cardNo(),
                    plan.accountFen(), tac);
            return new SaleOutcome.OfflineDebited(contact, purchase.withoutBeneficiary(), debit, Optional.empty());
        }
        return settled(books.settler().settle(settle.get()), contact, purchase, Optional.of(debit));
    }

    /**
     * Issue 18 case 5: the card paid and the journal could not record it (a full disk, a storage fault). Never a
     * failed sale: the outcome says the card WAS debited; the SALE_INTENT written before the debit keeps the sale
     * unfinished, and tearing recovery completes it from the card's proof at the next contact (no second debit).
     */
    private SaleOutcome debitedNotRecorded(CardContact contact, Purchase purchase, CardDebit debit, RuntimeException e) {
        LOG.error("Sale {}: card {} WAS debited {} fen (TAC {}) but the journal could not record it: {}", debit.saleId(),
                contact.cardNoMasked(), purchase.plan().accountFen(), debit.tac(), e.getMessage());
        return new SaleOutcome.Interrupted(contact, purchase, debit.saleId(), Optional.of(debit));
    }

    /**
     * Pays a pre-settlement someone else obtained (the hospital desk's {@code 2206}) with the same machinery as
     * an online sale: PIN (R10), INITIALIZE, the journal entry before DEBIT, the TAC, and the settle
     * ({@code settlement} without the purse record, e.g. an {@code OutpatientSettle2207}) through the outbox —
     * tearing recovery included. A reader or PSAM fault before DEBIT refuses with {@code sale.card_unusable}: there
     * is no cash path without the center. The caller makes the receipt ({@link SaleDocuments#visit}).
     */
    public SaleOutcome payPreSettled(MedicalCard card, Psam psam, CardView view, PaymentPlan plan,
                                     HostRequest<Settled> settlement, String itemsJson, PinSource pin, String cashier) {
        return payPreSettled(card, psam, view, plan, settlement, itemsJson, pin, cashier, PaidFor.cardholder());
    }

    /**
     * As {@link #payPreSettled(MedicalCard, Psam, CardView, PaymentPlan, HostRequest, String, PinSource, String)},
     * for whom the center pre-settled the visit: for a family member (R3) the outcome and the receipt name them.
     */
    public SaleOutcome payPreSettled(MedicalCard card, Psam psam, CardView view, PaymentPlan plan,
                                     HostRequest<Settled> settlement, String itemsJson, PinSource pin, String cashier,
                                     PaidFor paidFor) {
        EncodedMessage settle = codec.encode(settlement);
        CardContact contact = CardContact.of(view, List.<TornSale>of(), 0);
        Purchase purchase = new Purchase(plan, visitLines(itemsJson), beneficiary(view, paidFor),
                noPooling(plan, view, paidFor, LocalDate.now(clock)));
        if (plan.accountFen() == 0) {
            OutboxMessage m = books.queue().queue(settle, view.info().cardNo().digits());
            return settled(books.settler().settle(m), contact, purchase, Optional.empty());
        }
        SaleRequest request = new SaleRequest(List.of(new SaleItem(presettleId(settlement), 1)), paidFor, pin,
                OptionalLong.of(plan.accountFen()), Optional.empty(), cashier);
        String psnCertNo = view.holder().idNumber().value();
        return debit(request, card, psam, view, contact, purchase, (f, why) -> refused("sale.card_unusable", contact, f + ": " + why),
                intent -> SaleIntent.online(view.info().cardNo().digits(), psnCertNo, intent.offlineCounter(),
                        plan.accountFen(), plan.cashFen(), itemsJson, settle));
    }

    /** Why the fund pays nothing of this plan, as the split on the screen says it (issue 15); empty when it pays. */
    private Optional<SalePolicy.NoPooling> noPooling(PaymentPlan plan, CardView view, PaidFor paidFor, LocalDate today) {
        return plan.fundPaysNothing() ? rules.policy().noPooling(view, paidFor.family(), today) : Optional.empty();
    }

    /** The visit's items as sent to the center; none when they cannot be read back (the visit then has no receipt). */
    private List<SaleLine> visitLines(String itemsJson) {
        try {
            return codec.items(itemsJson);
        } catch (IllegalArgumentException e) {
            // The visit is paid all the same; a receipt that cannot be composed must not undo that.
            LOG.warn("Visit items not readable, no receipt will be composed: {}", e.getMessage());
            return List.of();
        }
    }

    /** The pre-settlement a settlement pays (the placeholder item of the debit's request). */
    private static String presettleId(HostRequest<Settled> settlement) {
        if (settlement instanceof HostRequest.Settle2102 s) {
            return s.presettleId();
        }
        if (settlement instanceof HostRequest.OutpatientSettle2207 s) {
            return s.presettleId();
        }
        throw new IllegalArgumentException("not a settlement of a pre-settlement: " + settlement);
    }

    /**
     * R11 case 3: debits the returning patient's personal-account share of a re-settlement entry with the same
     * machinery as a sale — PIN (R10), INITIALIZE, the journal entry ({@code RESETTLE} mode) before DEBIT, the TAC
     * checked by the PSAM — and sends the {@code 8401} the journal queued with the purse record. Tearing recovery
     * finishes a pulled card's debit on the next contact. A fault before DEBIT refuses: the patient has paid
     * already, nothing more is taken in cash.
     *
     * @param settlement the entry's 8401 without the purse record ({@code OfflineQueue.entrySettlement} for this
     *                   counter's entries, or encoded from {@code 8402} for another counter's)
     */
    public SaleOutcome payResettlement(MedicalCard card, Psam psam, CardView view, PaymentPlan plan, EncodedMessage settlement,
                                       String itemsJson, PinSource pin, String cashier) {
        if (plan.accountFen() <= 0) {
            throw new IllegalArgumentException("nothing to debit: an 8401 without an account share carries no purse record");
        }
        SaleRequest request = new SaleRequest(List.of(new SaleItem("RESETTLE", 1)), PaidFor.cardholder(), pin,
                OptionalLong.of(plan.accountFen()), Optional.empty(), cashier);
        String psnCertNo = view.holder().idNumber().value();
        CardContact contact = CardContact.of(view, List.<TornSale>of(), 0);
        return debit(request, card, psam, view, contact, new Purchase(plan, List.of(), Optional.empty()),
                (f, why) -> refused("sale.card_unusable", contact, f + ": " + why),
                intent -> SaleIntent.resettle(view.info().cardNo().digits(), psnCertNo, intent.offlineCounter(),
                        plan.accountFen(), plan.cashFen(), itemsJson, settlement));
    }

    /**
     * DEBIT got no usable answer but the card may still be in the slot (a lost answer on a serial link, a
     * 6985 after a resent DEBIT): ask GET TRANSACTION PROVE at once. If the card is gone this fails and the
     * sale stays unfinished for the next contact.
     */
    private Optional<SaleOutcome> recoverAtOnce(MedicalCard card, Psam psam, CardView view, CardContact contact, Purchase purchase,
                                                String saleId) {
        List<TearRecovery.Recovered> found;
        try {
            found = slot.tornSales().recover(card, psam);
        } catch (RuntimeException e) {
            LOG.info("Sale {}: the card cannot be asked now ({}); recovered on the next contact", saleId, e.getMessage());
            return Optional.empty();
        }
        Optional<TearRecovery.Recovered> mine = found.stream().filter(r -> r.saleId().equals(saleId)).findFirst();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        TearRecovery.Recovered r = mine.get();
        if (r.unresolved()) {
            return Optional.empty(); // a supervisor task now (TearRecovery); the sale stays interrupted, never "not debited"
        }
        if (!r.debited()) {
            return Optional.of(refused("sale.not_debited", contact, "sale " + saleId + ": the card did not debit"));
        }
        OptionalLong before = view.balanceFen();
        OptionalLong balance = before.isPresent() ? OptionalLong.of(before.getAsLong() - purchase.plan().accountFen()) : OptionalLong.empty();
        CardDebit debit = new CardDebit(saleId, r.tac().orElseThrow(), balance); // debited: GET TRANSACTION PROVE gave the TAC
        if (r.settle().isPresent()) {
            return Optional.of(settled(r.settle().get(), contact, purchase, Optional.of(debit)));
        }
        return Optional.of(new SaleOutcome.OfflineDebited(contact, purchase.withoutBeneficiary(), debit, Optional.empty()));
    }

    /**
     * R10: VERIFY PIN; the PIN array is wiped whatever happens. A wrong PIN is asked again with the tries left
     * (issue 15) until the card blocks it or the source gives none.
     */
    private Optional<SaleOutcome> verifyPin(PinSource source, MedicalCard card, CardView view, CardContact contact, long debitFen) {
        int triesLeft = -1;
        while (true) {
            char[] pin = source.pin(debitFen, triesLeft);
            if (pin == null) {
                return Optional.of(triesLeft < 0 ? refused("sale.pin_needed", contact, null) : wrongPin(contact, triesLeft));
            }
            PinResult r;
            try {
                r = card.verifyPin(pin);
            } catch (IllegalArgumentException e) {
                return Optional.of(refused("sale.pin_malformed", contact, null));
            } finally {
                Arrays.fill(pin, '\0');
            }
            if (r instanceof PinResult.WrongPin wrong) {
                LOG.info("R10: wrong PIN for card {}, {} tries left; no debit", view.info().cardNo(), wrong.triesLeft());
                triesLeft = wrong.triesLeft();
                continue;
            }
            if (r instanceof PinResult.Blocked) {
                return Optional.of(refused("sale.pin_blocked", contact, null));
            }
            return Optional.empty();
        }
    }

    private static SaleOutcome wrongPin(CardContact contact, int triesLeft) {
        return new SaleOutcome.Refused(Optional.of(contact), Optional.empty(), "sale.pin_wrong", List.of(String.valueOf(triesLeft)));
    }

    private SaleOutcome settled(SettleResult s, CardContact contact, Purchase purchase, Optional<CardDebit> debit) {
        return switch (s.state()) {
            case SETTLED -> new SaleOutcome.Settled(contact, purchase, debit, s.setlId());
            // A tamper finding holds every message until a supervisor acknowledges it: "resent until answered"
            // would be untrue until then (issue 18, case 4).
            case PENDING -> new SaleOutcome.SettlementPending(contact, purchase, debit, books.queue().forwardingBlocked());
            case REJECTED -> {
                LOG.error("Sale {}: the center rejected the settle {}: {}", debit.map(CardDebit::saleId).orElse("-"), s.msgid(), s.reason());
                yield new SaleOutcome.SettlementRejected(contact, purchase, debit, s.reason());
            }
        };
    }

    // ---------------------------------------------------------------- cash (R11 case 2)

    /** @param view the card read before the fault, or null (then {@code contact} is null too) */
    private SaleOutcome cash(SaleRequest request, Fault fault, CardView view, CardContact contact, String why) {
        LOG.warn("R11 case 2 ({}): {}", fault, why);
        Optional<List<SaleLine>> lines = priced(request.items());
        if (lines.isEmpty()) {
            return refused("sale.unknown_item", contact, unknownItems(request.items()));
        }
        return cashEntry(lines.get(), fault, Optional.ofNullable(view), contact, request.idNumber(), request.cashier(), EntryKind.PHARMACY);
    }

    /**
     * R11 case 2 for lines priced elsewhere (the hospital desk's registration fee and outpatient batches): the ID
     * number checked, the cash split confirmed, the entry recorded with its 8400 queued, the cash receipt with the entry
     * number and the last re-settle day. One cash path for every desk.
     *
     * @param view the card when it could be read (the typed ID number must be its holder's), empty when it could not
     * @param kind the prices the entry is re-settled at (a hospital's registration fee and batches: OUTPATIENT)
     */
    public SaleOutcome cashEntry(List<SaleLine> priced, Fault fault, Optional<CardView> view, Optional<String> idNumber,
                                 String cashier, EntryKind kind) {
        return cashEntry(priced, fault, view, view.map(v -> CardContact.of(v, List.<TornSale>of(), 0)).orElse(null), idNumber,
                cashier, kind);
    }

    /** @param contact the card read, or null when none could be (as {@code view}) */
    private SaleOutcome cashEntry(List<SaleLine> priced, Fault fault, Optional<CardView> view, CardContact contact,
                                  Optional<String> idNumber, String cashier, EntryKind kind) {
        Optional<List<SaleLine>> lines = Optional.of(List.copyOf(priced));
        long total = lines.get().stream().mapToLong(SaleLine::amountFen).sum();
        Optional<String> typed = SaleRequest.typedIdNumber(idNumber);
        Optional<Character> rightCheck = typed.flatMap(PharmacySale::rightCheckCharacter);
        if (rightCheck.isPresent()) {
            // Issue 15: a mistyped check digit says so, and which one the 17 digits call for; nothing is recorded.
            return new SaleOutcome.Refused(Optional.ofNullable(contact), Optional.of(PaymentPlan.allCash(total)), "sale.id_check_digit",
                    List.of(String.valueOf(rightCheck.get())));
        }
        if (typed.filter(IdNumber::isValidIgnoringCase).isEmpty()) {
            return new SaleOutcome.Refused(Optional.ofNullable(contact), Optional.of(PaymentPlan.allCash(total)), "sale.id_number_needed",
                    List.of(fault));
        }
        String id = typed.get();
        if (view.filter(v -> !v.holder().idNumber().value().equalsIgnoreCase(id)).isPresent()) {
            return refused("sale.id_number_mismatch", contact, "typed ID number is not the cardholder's");
        }
        if (!confirmation.confirm(PaymentPlan.allCash(total), view)) {
            return refused("sale.cancelled", contact, "the cashier went back at the cash split");
        }
        ResettlementEntry entry = books.queue().recordCashPayment(new ResettlementRequest(fault, id, cashier,
                codec.items(lines.get()), total, total).ofKind(kind));
        LOG.info("R11: cash sale of {} fen recorded as re-settlement entry {} (ID {}, fault {})", total, entry.entryNo(),
                IdNumber.mask(id), fault);
        return new SaleOutcome.CashResettle(Optional.ofNullable(contact), PaymentPlan.allCash(total), lines.get(), id,
                entry.entryNo(), fault);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The check character 17 typed digits call for, when an 18-character ID number has 17 digits and only its check
     * character is wrong; empty when the number is valid or wrong in another way (then the generic question stands).
     */
    static Optional<Character> rightCheckCharacter(String typed) {
        if (typed.length() != 18 || IdNumber.isValidIgnoringCase(typed)) {
            return Optional.empty();
        }
        String first17 = typed.substring(0, 17);
        if (!first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(IdNumber.checkCharacter(first17));
    }

    /**
     * R3: the family member as 1101 lists them (name, ID number; their psn_no and a dash when not listed), or empty
     * for the cardholder. The receipt prints the member's ID number (masked), never their personnel number.
     */
    private static Optional<Beneficiary> beneficiary(CardView view, PaidFor paidFor) {
        if (!paidFor.family()) {
            return Optional.empty();
        }
        String psnNo = paidFor.familyPsnNo().get();
        Optional<PersonInfo.FamilyMember> m = view.person().flatMap(p -> p.family().stream()
                .filter(f -> f.psnNo().equals(psnNo)).findFirst());
        return Optional.of(new Beneficiary(psnNo, m.map(PersonInfo.FamilyMember::name).orElse(psnNo),
                m.map(PersonInfo.FamilyMember::psnCertNo).filter(c -> !c.isBlank()).orElse("—")));
    }

    /** @param contact the card read, or null when none could be */
    private SaleOutcome refused(String key, CardContact contact, String detail) {
        if (detail != null) {
            LOG.info("Sale refused ({}): {}", key, detail);
        }
        return new SaleOutcome.Refused(Optional.ofNullable(contact), Optional.empty(), key, List.of());
    }

    /**
     * A medical service item (an X-ray, an infusion: {@link ItemKind#SERVICE}) is billed at the hospital's
     * registration/payment desk, never sold at the pharmacy (docs/decisions.md, xray15): the sale is refused before the
     * card is opened, naming the item, so nothing is loaded, asked or debited. The hospital desk's batches do not come
     * this way ({@link #payPreSettled}, {@link #cashEntry}).
     */
    private Optional<SaleOutcome> serviceItemRefusal(List<SaleItem> items) {
        for (SaleItem i : items) {
            Optional<CatalogItem> c = rules.prices().apply(i.code());
            if (c.isPresent() && !c.get().kind().soldAtPharmacy()) {
                LOG.info("Sale refused: {} ({}) is a medical service item, not sold at the pharmacy", c.get().code(), c.get().name());
                return Optional.of(new SaleOutcome.Refused(Optional.empty(), Optional.empty(), "sale.service_item",
                        List.of(c.get().name())));
            }
        }
        return Optional.empty();
    }

    /** The items at the catalog's prices (the downloaded catalog, also offline); empty if any code is unknown. */
    private Optional<List<SaleLine>> priced(List<SaleItem> items) {
        List<SaleLine> lines = new ArrayList<>();
        for (SaleItem i : items) {
            Optional<CatalogItem> c = rules.prices().apply(i.code());
            if (c.isEmpty()) {
                return Optional.empty();
            }
            lines.add(new SaleLine(c.get().code(), i.quantity(), c.get().priceFen()));
        }
        return Optional.of(lines);
    }

    private String unknownItems(List<SaleItem> items) {
        return "unknown item code(s): " + items.stream().map(SaleItem::code)
                .filter(c -> rules.prices().apply(c).isEmpty()).toList();
    }
}
