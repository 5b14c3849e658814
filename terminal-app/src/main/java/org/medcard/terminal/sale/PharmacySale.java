package org.medcard.terminal.sale;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.medcard.apdu.CardRefusal;
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
import org.medcard.queue.SaleIntent;
import org.medcard.queue.SaleTicket;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.center.PreSettlement;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.center.Settled;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardView;
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

    private final Terminal terminal;
    private final OfflineQueue queue;
    private final SalePolicy policy;
    private final OnlineSettler settler;
    private final HostCodec codec = new HostCodec();
    private final Receipts receipts;

    private final boolean applyLoads;
    private final PlanConfirmation confirmation;

    /** A sale that first credits the card's pending loads when online (R15). */
    public PharmacySale(Terminal terminal) {
        this(terminal, true);
    }

    /**
     * @param applyLoads false only where a test pins the card's balance to its profile (loads are tested on their own)
     */
    public PharmacySale(Terminal terminal, boolean applyLoads) {
        this(terminal, applyLoads, PlanConfirmation.ALWAYS);
    }

    /**
     * @param confirmation asked with the split before any debit or cash entry (the desktop app); false cancels
     */
    public PharmacySale(Terminal terminal, boolean applyLoads, PlanConfirmation confirmation) {
        this.applyLoads = applyLoads;
        this.confirmation = confirmation;
        this.terminal = terminal;
        this.queue = terminal.queue();
        this.policy = terminal.salePolicy();
        this.settler = new OnlineSettler(queue, terminal.forwarder());
        this.receipts = new Receipts(terminal);
    }

    /** Sells to the card in the card slot, opened through the one card session (torn sales, R15 loads, status). */
    public SaleOutcome sell(SaleRequest request) {
        CardSession.Opening opening = terminal.cardSession().open(applyLoads ? CardSession.Loads.APPLY : CardSession.Loads.SKIP);
        if (opening instanceof CardSession.NotOpened no) {
            return switch (no.failure()) {
                case NO_READER -> cash(request, Fault.NO_READER, null, no.detail());
                case CARD_UNREADABLE -> cash(request, Fault.CARD_UNREADABLE, null, no.detail());
                case PSAM_FAILURE -> cash(request, Fault.PSAM_FAILURE, null, no.detail());
                case UNUSABLE_CARD -> refused("sale.card_unusable", null, no.detail());
            };
        }
        CardSession.Opened o = (CardSession.Opened) opening;
        return withSaleReceipt(sellTo(request, o.card(), o.psam(), o.view(), o.center()).withRecovered(o.recovered())
                .withLoadedFen(o.loadedFen()), o.view(), request);
    }

    /**
     * A settled, settlement-pending or offline-debited sale gets its settlement receipt (the card was debited: the
     * patient leaves with paper and the TAC); the cash path made its own.
     */
    private SaleOutcome withSaleReceipt(SaleOutcome o, CardView view, SaleRequest request) {
        if (o.receipt() != null || (o.kind() != SaleOutcome.Kind.SETTLED && o.kind() != SaleOutcome.Kind.SETTLEMENT_PENDING
                && o.kind() != SaleOutcome.Kind.OFFLINE_DEBITED)) {
            return o;
        }
        return o.withReceipt(receipts.sale(o, view, priced(request.items()).orElseThrow(), beneficiaryName(view, o.beneficiaryPsnNo()),
                request.cashier()));
    }

    private SaleOutcome sellTo(SaleRequest request, MedicalCard card, Psam psam, CardView view, Optional<HostApi> center) {
        if (view.verdict().refused() || !view.verdict().personalAccountUsable()) {
            String key = view.verdict().messageKey().orElse("status.blocked");
            LOG.info("Sale refused: card {} is {} ({})", view.info().cardNo(), view.verdict().status(), key);
            return refused(key, view, null);
        }
        if (view.online()) {
            try {
                return online(request, card, psam, view, center.orElseThrow());
            } catch (CenterUnreachable e) {
                terminal.parts().fault(PartListener.Part.CENTER, e.getMessage());
                LOG.warn("Center unreachable during the sale ({}); R11 offline handling", e.getMessage());
            }
        }
        if (request.beneficiaryPsnNo() != null) {
            return refused("sale.family_not_offered", view, "R3: family mutual aid only online");
        }
        if (terminal.config().offlineMode() == OfflineMode.CASH_RESETTLE) {
            return cash(request, Fault.CENTER_UNREACHABLE, view, "offline.mode = CASH_RESETTLE");
        }
        return offline(request, card, psam, view);
    }

    // ---------------------------------------------------------------- online

    private SaleOutcome online(SaleRequest request, MedicalCard card, Psam psam, CardView view, HostApi api) {
        PersonInfo person = view.person().orElseThrow();
        String beneficiary = request.beneficiaryPsnNo();
        if (beneficiary != null) {
            Optional<String> r3 = policy.familyRefusal(view, beneficiary);
            if (r3.isPresent()) {
                return refused(r3.get(), view, "R3: scheme " + view.scheme() + ", family member " + beneficiary);
            }
        }
        Optional<List<SaleLine>> lines = priced(request.items());
        if (lines.isEmpty()) {
            return refused("sale.unknown_item", view, unknownItems(request.items()));
        }
        LocalDate today = LocalDate.now(terminal.clock());
        PreSettlement pre;
        try {
            pre = api.preSettle(person.psnNo(), view.info().cardNo().digits(), beneficiary, today, lines.get());
        } catch (CenterRefusal e) {
            return refused("sale.center_refused", view, e.getMessage());
        }
        terminal.parts().ok(PartListener.Part.CENTER, "online");
        PaymentPlan plan;
        try {
            plan = policy.onlinePlan(pre, Math.max(0, view.balanceFen()), request.requestedAccountFen(),
                    policy.poolingAllowed(view, beneficiary, today));
        } catch (IllegalStateException e) {
            LOG.error("Sale stopped: {}", e.getMessage());
            return refused("sale.pooling_not_allowed", view, e.getMessage());
        }
        if (!confirmation.confirm(plan, view)) {
            return refused("sale.cancelled", view, "the cashier went back at the split");
        }
        String itemsJson = codec.items(lines.get());
        EncodedMessage settle = codec.encode(new HostRequest.Settle2102(pre.presettleId(), plan.accountFen(), plan.cashFen(), null));
        if (plan.accountFen() == 0) {
            // Nothing to debit: the settle goes through the outbox all the same (its msgid is stored first).
            OutboxMessage m = queue.queue(settle, view.info().cardNo().digits());
            return settled(settler.settle(m), plan, view, null, null, -1, beneficiary);
        }
        String psnCertNo = view.holder().idNumber().value();
        return debit(request, card, psam, view, plan, beneficiary, (f, why) -> cash(request, f, view, why), intent -> SaleIntent.online(
                view.info().cardNo().digits(), psnCertNo, intent.offlineCounter(), plan.accountFen(), plan.cashFen(), itemsJson,
                settle));
    }

    // ---------------------------------------------------------------- offline (R11 case 1)

    private SaleOutcome offline(SaleRequest request, MedicalCard card, Psam psam, CardView view) {
        Optional<List<SaleLine>> lines = priced(request.items());
        if (lines.isEmpty()) {
            return refused("sale.unknown_item", view, unknownItems(request.items()));
        }
        long total = lines.get().stream().mapToLong(SaleLine::amountFen).sum();
        String cardNo = view.info().cardNo().digits();
        PaymentPlan wanted = policy.offlinePlan(total, Math.max(0, view.balanceFen()), requestedOrAll(request, total));
        if (wanted.accountFen() == 0) {
            return cash(request, Fault.CENTER_UNREACHABLE, view, "nothing payable from the card offline");
        }
        LimitDecision limits = queue.checkOfflineDebit(cardNo, wanted.accountFen());
        if (!limits.allowed()) {
            LOG.info("Offline limit refused the debit of {} fen for card {}: {}", wanted.accountFen(), view.info().cardNo(), limits.message());
            return cash(request, limits.reason() == LimitDecision.Reason.MODE_CASH_RESETTLE ? Fault.CENTER_UNREACHABLE
                    : Fault.OFFLINE_LIMIT, view, limits.message());
        }
        if (!confirmation.confirm(wanted, view)) {
            return refused("sale.cancelled", view, "the cashier went back at the split");
        }
        String itemsJson = codec.items(lines.get());
        String psnCertNo = view.holder().idNumber().value();
        SaleOutcome debited = debit(request, card, psam, view, wanted, null, (f, why) -> cash(request, f, view, why), intent -> SaleIntent.offline(cardNo, psnCertNo,
                intent.offlineCounter(), wanted.accountFen(), wanted.cashFen(), itemsJson));
        if (debited.kind() != SaleOutcome.Kind.OFFLINE_DEBITED || wanted.cashFen() == 0) {
            return debited;
        }
        // The pooling share is never paid offline: the cash share becomes a re-settlement entry (total minus
        // cash_paid is what the card paid offline).
        ResettlementEntry entry = queue.recordCashPayment(new ResettlementRequest(Fault.CENTER_UNREACHABLE, psnCertNo,
                request.cashier(), itemsJson, total, wanted.cashFen()));
        return new SaleOutcome(debited.kind(), debited.plan(), debited.saleId(), debited.tac(), null, entry.entryNo(),
                debited.balanceAfterFen(), debited.cardNoMasked(), debited.holderName(), null, debited.messageKey(),
                debited.message(), List.of(), 0, null);
    }

    private static long requestedOrAll(SaleRequest request, long total) {
        return request.requestedAccountFen() < 0 ? total : request.requestedAccountFen();
    }

    // ---------------------------------------------------------------- the debit (both modes)

    private SaleOutcome debit(SaleRequest request, MedicalCard card, Psam psam, CardView view, PaymentPlan plan,
                              String beneficiary, BiFunction<Fault, String, SaleOutcome> beforeDebitFault,
                              Function<PurchaseIntent, SaleIntent> intentFor) {
        if (policy.pinRequired(plan.accountFen())) {
            Optional<SaleOutcome> pinRefusal;
            try {
                pinRefusal = verifyPin(request.pin(), card, view);
            } catch (CardFault e) {
                // The card was pulled (or the reader went) during VERIFY: nothing is debited before DEBIT, so
                // this is a fault before the debit like any other, not an exception for the cashier.
                terminal.parts().cardFault(e);
                return beforeDebitFault.apply(Fault.CARD_UNREADABLE, e.getMessage());
            }
            if (pinRefusal.isPresent()) {
                return pinRefusal.get();
            }
        }
        Optional<String> noRoom = new FreeSpace(terminal.config().dataDir(), terminal.config().minFreeBytes()).shortfall();
        if (noRoom.isPresent()) {
            return refused("sale.disk_full", view, noRoom.get()); // issue 18 case 5: before the card pays, not after
        }
        PurchaseIntent intent;
        try {
            intent = card.initializePurchase(plan.accountFen(), psam.terminalId());
        } catch (PurseRefusal e) {
            return refused(e.reason() == PurseRefusal.Reason.INSUFFICIENT_BALANCE ? "sale.insufficient_balance" : "sale.card_refused",
                    view, e.getMessage());
        } catch (CardFault e) {
            terminal.parts().cardFault(e);
            return beforeDebitFault.apply(Fault.CARD_UNREADABLE, e.getMessage());
        }
        AtomicReference<SaleTicket> ticket = new AtomicReference<>();
        PurchaseResult result;
        try {
            result = card.debit(intent, psam, LocalDateTime.now(terminal.clock()), pending -> ticket.set(queue.beginSale(
                    intentFor.apply(intent).withCardDebit(pending.terminalSeq(), TX_TIME.format(pending.dateTime())))));
        } catch (CardFault e) {
            if (ticket.get() == null) {
                // The fault came before DEBIT went out (the PSAM's MAC1): nothing was debited.
                terminal.cardSession().psamFaulted(e.getMessage());
                return beforeDebitFault.apply(Fault.PSAM_FAILURE, e.getMessage());
            }
            Optional<SaleOutcome> resolved = recoverAtOnce(card, psam, view, plan, beneficiary, ticket.get().saleId());
            if (resolved.isPresent()) {
                return resolved.get();
            }
            terminal.parts().cardFault(e);
            LOG.warn("Sale {}: DEBIT unanswered ({}); resolved with GET TRANSACTION PROVE when the card is presented again",
                    ticket.get().saleId(), e.getMessage());
            return new SaleOutcome(SaleOutcome.Kind.INTERRUPTED, plan, ticket.get().saleId(), null, null, null, -1,
                    view.info().cardNo().masked(), view.holder().name(), beneficiary, "sale.interrupted",
                    terminal.messages().text("sale.interrupted"), List.of(), 0, null);
        } catch (ForgedCardException e) {
            LOG.error("R10: forged card {}: {}; no sale", view.info().cardNo(), e.getMessage());
            terminal.audit().record(request.cashier(), "R10_FORGED_CARD", "card " + view.info().cardNo().masked()
                    + ", MAC2 failed PSAM verification; no sale");
            if (ticket.get() != null) {
                queue.recordNoDebit(ticket.get().saleId(), "R10: MAC2 failed PSAM verification (forged card)");
            }
            return refused("sale.forged", view, e.getMessage());
        } catch (PurseRefusal e) {
            if (ticket.get() != null) {
                queue.recordNoDebit(ticket.get().saleId(), "card refused DEBIT: " + e.getMessage());
            }
            return refused("sale.card_refused", view, e.getMessage());
        }
        String saleId = ticket.get().saleId();
        String tac = Hex.of(result.record().tac()).toUpperCase(Locale.ROOT);
        Optional<OutboxMessage> settle;
        try {
            settle = queue.recordCardDebit(saleId, tac);
        } catch (RuntimeException e) {
            return debitedNotRecorded(plan, view, saleId, tac, result.newBalance(), beneficiary, e);
        }
        if (settle.isEmpty()) {
            LOG.info("Sale {}: card {} debited {} fen offline (TAC {}), to be uploaded", saleId, view.info().cardNo(),
                    plan.accountFen(), tac);
            return new SaleOutcome(SaleOutcome.Kind.OFFLINE_DEBITED, plan, saleId, tac, null, null, result.newBalance(),
                    view.info().cardNo().masked(), view.holder().name(), null, "sale.to_be_uploaded",
                    terminal.messages().text("sale.to_be_uploaded"), List.of(), 0, null);
        }
        return settled(settler.settle(settle.get()), plan, view, saleId, tac, result.newBalance(), beneficiary);
    }

    /**
     * Issue 18 case 5: the card paid and the journal could not record it (a full disk, a storage fault). Never a
     * failed sale: the outcome says the card WAS debited; the SALE_INTENT written before the debit keeps the sale
     * unfinished, and tearing recovery completes it from the card's proof at the next contact (no second debit).
     */
    private SaleOutcome debitedNotRecorded(PaymentPlan plan, CardView view, String saleId, String tac, long balance,
                                           String beneficiary, RuntimeException e) {
        LOG.error("Sale {}: card {} WAS debited {} fen (TAC {}) but the journal could not record it: {}", saleId,
                view.info().cardNo(), plan.accountFen(), tac, e.getMessage());
        return new SaleOutcome(SaleOutcome.Kind.INTERRUPTED, plan, saleId, tac, null, null, balance, view.info().cardNo().masked(),
                view.holder().name(), beneficiary, "sale.debited_not_recorded", terminal.messages().text("sale.debited_not_recorded"),
                List.of(), 0, null);
    }

    /**
     * Pays a pre-settlement someone else obtained (the hospital desk's {@code 2206}) with the same machinery as
     * an online sale: PIN (R10), INITIALIZE, the journal entry before DEBIT, the TAC, and the settle
     * ({@code settlement} without the purse record, e.g. an {@code OutpatientSettle2207}) through the outbox —
     * tearing recovery included. A reader or PSAM fault before DEBIT refuses with {@code sale.card_unusable}: there
     * is no cash path without the center.
     */
    public SaleOutcome payPreSettled(MedicalCard card, Psam psam, CardView view, PaymentPlan plan,
                                     HostRequest<Settled> settlement, String itemsJson, PinSource pin, String cashier) {
        return payPreSettled(card, psam, view, plan, settlement, itemsJson, pin, cashier, null);
    }

    /**
     * As {@link #payPreSettled(MedicalCard, Psam, CardView, PaymentPlan, HostRequest, String, PinSource, String)},
     * for a family member (R3) the center pre-settled the visit for: the outcome and the receipt name them.
     *
     * @param beneficiary the family member's psn_no from 1101, or null for the cardholder
     */
    public SaleOutcome payPreSettled(MedicalCard card, Psam psam, CardView view, PaymentPlan plan,
                                     HostRequest<Settled> settlement, String itemsJson, PinSource pin, String cashier,
                                     String beneficiary) {
        EncodedMessage settle = codec.encode(settlement);
        String name = beneficiaryName(view, beneficiary);
        if (plan.accountFen() == 0) {
            OutboxMessage m = queue.queue(settle, view.info().cardNo().digits());
            return receipts.visit(settled(settler.settle(m), plan, view, null, null, -1, beneficiary), view, itemsJson, name, cashier);
        }
        SaleRequest request = new SaleRequest(List.of(new SaleItem(presettleId(settlement), 1)), null, pin, plan.accountFen(), null, cashier);
        String psnCertNo = view.holder().idNumber().value();
        return receipts.visit(debit(request, card, psam, view, plan, beneficiary, (f, why) -> refused("sale.card_unusable", view, f + ": " + why),
                intent -> SaleIntent.online(view.info().cardNo().digits(), psnCertNo, intent.offlineCounter(),
                        plan.accountFen(), plan.cashFen(), itemsJson, settle)), view, itemsJson, name, cashier);
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
        SaleRequest request = new SaleRequest(List.of(new SaleItem("RESETTLE", 1)), null, pin, plan.accountFen(), null, cashier);
        String psnCertNo = view.holder().idNumber().value();
        return debit(request, card, psam, view, plan, null, (f, why) -> refused("sale.card_unusable", view, f + ": " + why),
                intent -> SaleIntent.resettle(view.info().cardNo().digits(), psnCertNo, intent.offlineCounter(),
                        plan.accountFen(), plan.cashFen(), itemsJson, settlement));
    }

    /**
     * DEBIT got no usable answer but the card may still be in the slot (a lost answer on a serial link, a
     * 6985 after a resent DEBIT): ask GET TRANSACTION PROVE at once. If the card is gone this fails and the
     * sale stays unfinished for the next contact.
     */
    private Optional<SaleOutcome> recoverAtOnce(MedicalCard card, Psam psam, CardView view, PaymentPlan plan, String beneficiary,
                                                String saleId) {
        List<TearRecovery.Recovered> found;
        try {
            found = terminal.tearRecovery().recover(card, psam);
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
            return Optional.of(refused("sale.not_debited", view, "sale " + saleId + ": the card did not debit"));
        }
        long balance = view.balanceFen() < 0 ? -1 : view.balanceFen() - plan.accountFen();
        if (r.settle().isPresent()) {
            return Optional.of(settled(r.settle().get(), plan, view, saleId, r.tac(), balance, beneficiary));
        }
        return Optional.of(new SaleOutcome(SaleOutcome.Kind.OFFLINE_DEBITED, plan, saleId, r.tac(), null, null, balance,
                view.info().cardNo().masked(), view.holder().name(), null, "sale.to_be_uploaded",
                terminal.messages().text("sale.to_be_uploaded"), List.of(), 0, null));
    }

    /** R10: VERIFY PIN; the PIN array is wiped whatever happens. */
    private Optional<SaleOutcome> verifyPin(PinSource source, MedicalCard card, CardView view) {
        char[] pin = source.pin();
        if (pin == null) {
            return Optional.of(refused("sale.pin_needed", view, null));
        }
        PinResult r;
        try {
            r = card.verifyPin(pin);
        } catch (IllegalArgumentException e) {
            return Optional.of(refused("sale.pin_malformed", view, null));
        } finally {
            Arrays.fill(pin, '\0');
        }
        if (r instanceof PinResult.WrongPin wrong) {
            LOG.info("R10: wrong PIN for card {}, {} tries left; no debit", view.info().cardNo(), wrong.triesLeft());
            return Optional.of(new SaleOutcome(SaleOutcome.Kind.REFUSED, null, null, null, null, null, view.balanceFen(),
                    view.info().cardNo().masked(), view.holder().name(), null, "sale.pin_wrong",
                    terminal.messages().text("sale.pin_wrong", String.valueOf(wrong.triesLeft())), List.of(), 0, null));
        }
        if (r instanceof PinResult.Blocked) {
            return Optional.of(refused("sale.pin_blocked", view, null));
        }
        return Optional.empty();
    }

    private SaleOutcome settled(SettleResult s, PaymentPlan plan, CardView view, String saleId, String tac, long balanceAfter,
                                String beneficiary) {
        long balance = balanceAfter >= 0 ? balanceAfter : view.balanceFen();
        return switch (s.state()) {
            case SETTLED -> new SaleOutcome(SaleOutcome.Kind.SETTLED, plan, saleId, tac, s.setlId(), null, balance,
                    view.info().cardNo().masked(), view.holder().name(), beneficiary, "sale.settled", terminal.messages().text("sale.settled"), List.of(), 0, null);
            case PENDING -> {
                // A tamper finding holds every message until a supervisor acknowledges it: "resent until answered"
                // would be untrue until then (issue 18, case 4).
                String key = queue.forwardingBlocked() ? "sale.settlement_held_tamper" : "sale.settlement_pending";
                yield new SaleOutcome(SaleOutcome.Kind.SETTLEMENT_PENDING, plan, saleId, tac, null, null, balance,
                        view.info().cardNo().masked(), view.holder().name(), beneficiary, key, terminal.messages().text(key), List.of(), 0,
                        null);
            }
            case REJECTED -> {
                LOG.error("Sale {}: the center rejected the settle {}: {}", saleId, s.msgid(), s.reason());
                yield new SaleOutcome(SaleOutcome.Kind.SETTLEMENT_REJECTED, plan, saleId, tac, null, null, balance,
                        view.info().cardNo().masked(), view.holder().name(), beneficiary, "sale.settlement_rejected",
                        terminal.messages().text("sale.settlement_rejected", terminal.messages().centerSays(s.reason())), List.of(), 0, null);
            }
        };
    }

    // ---------------------------------------------------------------- cash (R11 case 2)

    private SaleOutcome cash(SaleRequest request, Fault fault, CardView view, String why) {
        LOG.warn("R11 case 2 ({}): {}", fault, why);
        Optional<List<SaleLine>> lines = priced(request.items());
        if (lines.isEmpty()) {
            return refused("sale.unknown_item", view, unknownItems(request.items()));
        }
        long total = lines.get().stream().mapToLong(SaleLine::amountFen).sum();
        String id = request.idNumber();
        Optional<Character> rightCheck = rightCheckCharacter(id);
        if (rightCheck.isPresent()) {
            // Issue 15: a mistyped check digit says so, and which one the 17 digits call for; nothing is recorded.
            return new SaleOutcome(SaleOutcome.Kind.REFUSED, PaymentPlan.allCash(total), null, null, null, null, -1,
                    view == null ? null : view.info().cardNo().masked(), view == null ? null : view.holder().name(), null,
                    "sale.id_check_digit", terminal.messages().text("sale.id_check_digit", String.valueOf(rightCheck.get())), List.of(), 0, null);
        }
        if (id == null || !IdNumber.isValidIgnoringCase(id)) {
            return new SaleOutcome(SaleOutcome.Kind.REFUSED, PaymentPlan.allCash(total), null, null, null, null, -1,
                    view == null ? null : view.info().cardNo().masked(), view == null ? null : view.holder().name(), null,
                    "sale.id_number_needed", terminal.messages().text("sale.id_number_needed", terminal.messages().faultName(fault)), List.of(), 0, null);
        }
        if (view != null && !view.holder().idNumber().value().equalsIgnoreCase(id)) {
            return refused("sale.id_number_mismatch", view, "typed ID number is not the cardholder's");
        }
        if (!confirmation.confirm(PaymentPlan.allCash(total), view)) {
            return refused("sale.cancelled", view, "the cashier went back at the cash split");
        }
        ResettlementEntry entry = queue.recordCashPayment(new ResettlementRequest(fault, id, request.cashier(),
                codec.items(lines.get()), total, total));
        LOG.info("R11: cash sale of {} fen recorded as re-settlement entry {} (ID {}, fault {})", total, entry.entryNo(),
                IdNumber.mask(id), fault);
        SaleOutcome o = new SaleOutcome(SaleOutcome.Kind.CASH_RESETTLE, PaymentPlan.allCash(total), null, null, null, entry.entryNo(),
                view == null ? -1 : view.balanceFen(), view == null ? null : view.info().cardNo().masked(),
                view == null ? null : view.holder().name(), null, "sale.cash_resettle",
                terminal.messages().text("sale.cash_resettle", entry.entryNo(), terminal.messages().faultName(fault)), List.of(), 0, null);
        return o.withReceipt(receipts.cash(o, view, id, lines.get(), terminal.messages().faultName(fault), request.cashier()));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The check character 17 typed digits call for, when an 18-character ID number has 17 digits and only its check
     * character is wrong; empty when the number is valid or wrong in another way (then the generic question stands).
     */
    static Optional<Character> rightCheckCharacter(String typed) {
        if (typed == null || typed.length() != 18 || IdNumber.isValidIgnoringCase(typed)) {
            return Optional.empty();
        }
        String first17 = typed.substring(0, 17);
        if (!first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(IdNumber.checkCharacter(first17));
    }

    /** R3: the family member's name as 1101 lists it (their psn_no when not listed), or null for the cardholder. */
    private static String beneficiaryName(CardView view, String beneficiary) {
        return beneficiary == null ? null : view.person().flatMap(p -> p.family().stream()
                .filter(m -> m.psnNo().equals(beneficiary)).findFirst()).map(PersonInfo.FamilyMember::name).orElse(beneficiary);
    }

    private SaleOutcome refused(String key, CardView view, String detail) {
        if (detail != null) {
            LOG.info("Sale refused ({}): {}", key, detail);
        }
        return new SaleOutcome(SaleOutcome.Kind.REFUSED, null, null, null, null, null, view == null ? -1 : view.balanceFen(),
                view == null ? null : view.info().cardNo().masked(), view == null ? null : view.holder().name(), null, key,
                terminal.messages().text(key), List.of(), 0, null);
    }

    /** The items at the catalog's prices (the downloaded catalog, also offline); empty if any code is unknown. */
    private Optional<List<SaleLine>> priced(List<SaleItem> items) {
        List<SaleLine> lines = new ArrayList<>();
        for (SaleItem i : items) {
            Optional<CatalogItem> c = terminal.downloads().item(i.code());
            if (c.isEmpty()) {
                return Optional.empty();
            }
            lines.add(new SaleLine(c.get().code(), i.quantity(), c.get().priceFen()));
        }
        return Optional.of(lines);
    }

    private String unknownItems(List<SaleItem> items) {
        return "unknown item code(s): " + items.stream().map(SaleItem::code)
                .filter(c -> terminal.downloads().item(c).isEmpty()).toList();
    }
}
