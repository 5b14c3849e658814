package org.medcard.terminal.resettle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.medcard.apdu.CardRefusal;
import org.medcard.card.IdNumber;
import org.medcard.card.MedicalCard;
import org.medcard.psam.Psam;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.EntryKind;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.QueueStoreException;
import org.medcard.queue.ResettlementState;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.RegisteredEntry;
import org.medcard.terminal.center.PreSettlement;
import org.medcard.terminal.center.Resettled;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.PartListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-settlement desk (R11 cases 3 and 4). Once the fault is cleared the entries' {@code 8400}
 * registrations (queued with the entry, in the same transaction) are forwarded; the list joins this counter's
 * entries with the institution's ({@code 8402}); settling reads the card in the slot, checks that it belongs
 * to the recorded ID number and sends {@code 8401} through the outbox (its msgid fixed before the first send,
 * so a lost answer is resent, never settled twice). Runs on the reader's worker thread.
 *
 * <p>The personal account pays its share as of the original date: it is debited from the card like a sale
 * (journal mode {@code RESETTLE}, TAC proven by the PSAM) and the 8401 carries the purse record; the refund in cash
 * is the insured shares, pooling + account (R11 case 3, host 8401). The card is debited only after the center priced
 * the entry (2101 at the entry's kind: a pharmacy sale, or an outpatient visit's fee or batch). An entry after a
 * partial offline debit covers only its cash part: what the card paid offline ({@code acct_paid}) is never asked
 * again, so the refund is what the insured shares come to beyond it.
 */
public final class ResettleDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ResettleDesk.class);

    /**
     * The center as the desk reaches it.
     *
     * @param online    the center's API when the terminal may talk to it now (signing in if it must)
     * @param forwarder the outbox's forwarder; absent when the terminal runs {@code --offline}
     */
    public record Center(Supplier<Optional<HostApi>> online, Optional<Forwarder> forwarder) {
    }

    /**
     * The card's side of a re-settlement.
     *
     * @param session opens the card and PSAM (tearing recovery first, no R15 loads)
     * @param debit   the pharmacy sale's debit step, made without R15 loads (the account pays as of the original date)
     */
    public record Card(CardSession session, PharmacySale debit) {
    }

    private final OfflineQueue queue;
    private final Optional<Forwarder> forwarder;
    private final Supplier<Optional<HostApi>> online;
    private final CardSession cardSession;
    private final PharmacySale debit;
    private final PartListener parts;
    private final AuditLog audit;
    private final int resettleMaxDays;
    private final HostCodec codec = new HostCodec();

    /** @param resettleMaxDays how long an entry may be re-settled (configuration {@code resettle.max_days}), for the refusal */
    public ResettleDesk(OfflineQueue queue, Center center, Card card, PartListener parts, AuditLog audit, int resettleMaxDays) {
        this.queue = queue;
        this.forwarder = center.forwarder();
        this.online = center.online();
        this.cardSession = card.session();
        this.debit = card.debit();
        this.parts = parts;
        this.audit = audit;
        this.resettleMaxDays = resettleMaxDays;
    }

    /**
     * Fault cleared: forwards what waits (queued debits, the 8400 registrations) now. Returns how many of
     * this counter's OPEN entries the center has confirmed.
     */
    public int registerOpenEntries() {
        queue.expireResettlements();
        Optional<Forwarder> forwarder = online.get().flatMap(c -> this.forwarder);
        if (forwarder.isEmpty()) {
            return 0;
        }
        List<ForwardResult> results = forwarder.get().drainOnce();
        LOG.info("Fault cleared: forwarded {} message(s)", results.size());
        markSettledElsewhere(remoteEntries(null));
        return (int) queue.resettlements(ResettlementState.OPEN).stream().filter(ResettlementEntry::registered).count();
    }

    /**
     * This counter's entries (every state) and, when online, the institution's other entries. Stale OPEN entries are
     * closed as EXPIRED first.
     */
    public List<EntryView> list() {
        return entries(null);
    }

    /** As {@link #list()}, only the entries recorded with the ID number {@code idNumber} (any letter case). */
    public List<EntryView> list(String idNumber) {
        return entries(Objects.requireNonNull(idNumber, "idNumber"));
    }

    private List<EntryView> entries(String idNumber) {
        queue.expireResettlements();
        List<RegisteredEntry> remote = remoteEntries(idNumber);
        markSettledElsewhere(remote);
        Map<String, EntryView> byNo = new LinkedHashMap<>();
        for (ResettlementState s : ResettlementState.values()) {
            for (ResettlementEntry e : queue.resettlements(s)) {
                if (idNumber == null || e.psnCertNo().equalsIgnoreCase(idNumber)) {
                    byNo.put(e.entryNo(), local(e));
                }
            }
        }
        remote.forEach(r -> byNo.putIfAbsent(r.entryNo(), new EntryView(r.entryNo(), r.status(), r.fault(),
                r.originalTime(), r.psnCertNo(), r.cashPaidFen(), Optional.ofNullable(r.setlId()), Optional.empty(), false)));
        List<EntryView> all = new ArrayList<>(byNo.values());
        all.sort(java.util.Comparator.comparing(EntryView::originalTime).thenComparing(EntryView::entryNo));
        return all;
    }

    /**
     * R11 case 3 at another counter: an entry of this counter that the center lists SETTLED was re-settled at another
     * counter of the institution (its refund handed back there), so it must not stay OPEN here. An entry whose own
     * 8401 is still under way here is left to that answer. Returns how many entries were marked.
     */
    public int markSettledElsewhere(List<RegisteredEntry> remote) {
        int n = 0;
        for (RegisteredEntry r : remote) {
            if (!"SETTLED".equals(r.status())) {
                continue;
            }
            Optional<ResettlementEntry> mine = queue.resettlement(r.entryNo());
            if (mine.isEmpty() || mine.get().state() != ResettlementState.OPEN || ownSettlementUnderWay(r.entryNo())) {
                continue;
            }
            if (queue.markSettledElsewhere(r.entryNo(), r.setlId(), SETTLED_ELSEWHERE)) {
                LOG.info("Entry {} was re-settled at another counter ({}): SETTLED here too", r.entryNo(), r.setlId());
                audit.record("system", "RESETTLED_ELSEWHERE", "entry " + r.entryNo() + ", setl_id " + r.setlId());
                n++;
            }
        }
        return n;
    }

    /** The reason kept on an entry of this counter re-settled at another counter of the institution. */
    public static final String SETTLED_ELSEWHERE = "re-settled at another counter of the institution";

    private boolean ownSettlementUnderWay(String entryNo) {
        for (OutboxState s : OutboxState.values()) {
            if (!s.isFinal() && queue.messages(s).stream().anyMatch(m -> entryNo.equals(m.entryNo()) && isResettlement(m))) {
                return true;
            }
        }
        return false;
    }

    private static EntryView local(ResettlementEntry e) {
        return new EntryView(e.entryNo(), e.state().name(), e.fault().name(), e.originalTime(), e.psnCertNo(), e.cashPaidFen(),
                Optional.ofNullable(e.setlId()), Optional.ofNullable(e.reason()), true);
    }

    private List<RegisteredEntry> remoteEntries(String idNumber) {
        Optional<HostApi> center = online.get();
        if (center.isEmpty()) {
            return List.of();
        }
        try {
            return center.get().resettlementEntries(idNumber);
        } catch (CenterUnreachable | CenterRefusal e) {
            LOG.warn("8402 failed, listing this counter's entries only: {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * Opens entry {@code entryNo} with the card in the slot and re-settles it as of its original date, the
     * personal account paying as much as it can (a PIN is needed above the exemption, R10).
     */
    public ResettleOutcome settle(String entryNo, String cashier) {
        return settle(entryNo, cashier, PinSource.NONE, OptionalLong.empty());
    }

    /**
     * Opens entry {@code entryNo} with the card in the slot and re-settles it as of its original date (R11 case 3):
     * a {@code 2101} quote for the original service date gives the pooling share and how much the account may pay;
     * the account share is debited from the card like a sale (journalled, TAC, the {@code 8401} queued with the purse
     * record) and the insured shares (pooling + account) are refunded in cash.
     *
     * @param requestedAccountFen at most this much from the personal account; empty for as much as possible, 0 none
     * @throws IllegalArgumentException when the requested account share is negative
     */
    public ResettleOutcome settle(String entryNo, String cashier, PinSource pin, OptionalLong requestedAccountFen) {
        Objects.requireNonNull(requestedAccountFen, "requestedAccountFen");
        if (requestedAccountFen.isPresent() && requestedAccountFen.getAsLong() < 0) {
            throw new IllegalArgumentException("requested account share must not be negative: " + requestedAccountFen.getAsLong() + " fen");
        }
        queue.expireResettlements();
        Optional<ResettlementEntry> mine = queue.resettlement(entryNo);
        Optional<RegisteredEntry> theirs = mine.isPresent() ? Optional.empty()
                : remoteEntries(null).stream().filter(r -> r.entryNo().equals(entryNo)).findFirst();
        if (mine.isEmpty() && theirs.isEmpty()) {
            return refused("resettle.unknown_entry", entryNo);
        }
        String state = mine.map(e -> e.state().name()).orElseGet(() -> theirs.get().status());
        if ("EXPIRED".equals(state)) {
            return new ResettleOutcome.Expired(entryNo, resettleMaxDays);
        }
        if (!"OPEN".equals(state)) {
            return refused("resettle.not_open", entryNo, state);
        }
        String recordedId = mine.map(ResettlementEntry::psnCertNo).orElseGet(() -> theirs.get().psnCertNo());
        Optional<HostApi> center = online.get();
        if (center.isEmpty() || forwarder.isEmpty()) {
            return refused("resettle.center_needed", entryNo);
        }
        if (mine.isPresent() && markSettledElsewhere(remoteEntries(recordedId).stream()
                .filter(r -> r.entryNo().equals(entryNo)).toList()) > 0) {
            // Another counter re-settled it (and refunded the patient): nothing to do here, nothing debited.
            return refused("resettle.settled_elsewhere", entryNo, queue.resettlement(entryNo).map(ResettlementEntry::setlId)
                    .orElse("?"));
        }
        CardSession.Opening opening;
        try {
            // A debit of this entry's account share torn last time is resolved first (its 8401 goes out then).
            opening = cardSession.open(CardSession.Loads.SKIP);
        } catch (CardRefusal e) {
            opening = new CardSession.NotOpened(CardSession.Failure.CARD_UNREADABLE, e.getMessage());
        }
        if (opening instanceof CardSession.NotOpened no) {
            LOG.info("Re-settlement of entry {}: the card cannot be read ({}: {})", entryNo, no.failure(), no.detail());
            return refused("resettle.card_unreadable", entryNo);
        }
        CardSession.Opened opened = (CardSession.Opened) opening;
        MedicalCard card = opened.card();
        Psam psam = opened.psam();
        CardView view = opened.view();
        if (!view.holder().idNumber().value().equalsIgnoreCase(recordedId)) {
            LOG.info("Re-settlement of entry {} refused: card {} belongs to {}, the entry to {}", entryNo, view.info().cardNo(),
                    IdNumber.mask(view.holder().idNumber().value()), IdNumber.mask(recordedId));
            audit.record(cashier, "RESETTLE_WRONG_CARD", "entry " + entryNo + ", card " + view.info().cardNo().masked());
            return refused("resettle.wrong_card", entryNo, IdNumber.mask(recordedId));
        }
        Optional<ResettleOutcome> recovered = mine.isPresent() ? settledMeanwhile(entryNo, cashier) : Optional.empty();
        if (recovered.isPresent()) {
            return recovered.get();
        }
        if (view.verdict().refused()) {
            String key = view.verdict().messageKey().orElse("status.blocked");
            LOG.info("Re-settlement of entry {} refused: card {} is {}", entryNo, view.info().cardNo(), view.verdict().status());
            return new ResettleOutcome.Refused(entryNo, key, List.of());
        }
        String cardNo = view.info().cardNo().digits();
        EncodedMessage settle;
        try {
            settle = mine.isPresent() ? queue.entrySettlement(entryNo, cardNo) : remoteSettlement(theirs.get(), cardNo);
        } catch (QueueStoreException e) {
            return refused("resettle.under_way", entryNo, e.getMessage());
        }
        HostRequest.Resettle8401 resettlement = (HostRequest.Resettle8401) codec.decode(settle);
        PaymentPlan plan;
        try {
            plan = accountShare(view, center.get(), resettlement, requestedAccountFen);
        } catch (CenterUnreachable e) {
            parts.fault(PartListener.Part.CENTER, e.getMessage());
            return refused("resettle.center_needed", entryNo);
        } catch (CenterRefusal e) {
            return new ResettleOutcome.Rejected(entryNo, String.valueOf(e.getMessage()));
        }
        if (plan.accountFen() == 0) {
            OutboxMessage sent = mine.isPresent() ? queue.queueResettle(entryNo, cardNo, null)
                    : queue.queue(settle, cardNo);
            forwarder.get().sendNow(sent.msgid());
            return outcome(entryNo, queue.message(sent.msgid()).orElse(sent), cashier);
        }
        SaleOutcome paid = debit.payResettlement(card, psam, view, plan, settle,
                codec.items(resettlement.items()), pin, cashier);
        return afterDebit(entryNo, paid, cashier);
    }

    /**
     * How much the account pays: the center's split as of the entry's original service date and at the entry's kind
     * ({@code 2101} with that date, {@code kind} OUTPATIENT for a hospital entry; the {@code 8401} applies the same
     * rules), at most the card's balance and what the patient asks. Nothing when the card's status does not let the
     * account pay or nothing is asked.
     *
     * <p>After a partial offline debit the entry covers only the cash part: the pooling share is at most the cash paid,
     * and the account pays now at most what the cash paid leaves beyond the pooling share. What the card already paid
     * offline ({@code acct_paid}) is never asked again (host protocol, "An entry after a partial offline debit").
     */
    private PaymentPlan accountShare(CardView view, HostApi center, HostRequest.Resettle8401 resettlement,
                                     OptionalLong requestedAccountFen) {
        long cashPaid = resettlement.cashPaidFen();
        long balance = view.payableFen();
        long asked = requestedAccountFen.orElse(Long.MAX_VALUE);
        if (asked == 0 || balance == 0 || !view.verdict().personalAccountUsable() || view.person().isEmpty()) {
            return PaymentPlan.allCash(cashPaid);
        }
        EntryKind kind = resettlement.kindOrPharmacy();
        PreSettlement pre = center.call(new HostRequest.PreSettle2101(view.person().get().psnNo(), view.info().cardNo().digits(),
                null, resettlement.serviceDate(), resettlement.items(), kind == EntryKind.PHARMACY ? null : kind));
        long fund = Math.min(pre.fundPayFen(), cashPaid);
        long account = Math.max(0, Math.min(Math.min(pre.acctPayMaxFen(), balance), cashPaid - fund));
        account = Math.min(account, asked);
        return new PaymentPlan(cashPaid, fund, account, cashPaid - fund - account);
    }

    /** The card's debit ended: the 8401's answer decides the outcome (a refusal or a torn card says why not). */
    private ResettleOutcome afterDebit(String entryNo, SaleOutcome paid, String cashier) {
        if (paid instanceof SaleOutcome.Interrupted) {
            return new ResettleOutcome.Interrupted(entryNo);
        }
        Optional<String> saleId = paid.cardDebit().map(SaleOutcome.CardDebit::saleId);
        if (paid.kind() == SaleOutcome.Kind.REFUSED || saleId.isEmpty()) {
            return new ResettleOutcome.Refused(entryNo, paid.messageKey(), paid.messageArgs());
        }
        Optional<OutboxMessage> m = messageOfSale(saleId.get());
        if (m.isEmpty()) {
            return new ResettleOutcome.Pending(entryNo);
        }
        return outcome(entryNo, m.get(), cashier);
    }

    /** Whether {@code m} is an entry's re-settlement ({@code 8401}), as the codec reads it back. */
    private boolean isResettlement(OutboxMessage m) {
        return codec.tryDecode(m.message()).filter(HostRequest.Resettle8401.class::isInstance).isPresent();
    }

    /** Tearing recovery may have just sent this entry's 8401 (a debit torn last time): then it is settled now. */
    private Optional<ResettleOutcome> settledMeanwhile(String entryNo, String cashier) {
        ResettlementEntry e = queue.resettlement(entryNo).orElseThrow();
        if (e.state() == ResettlementState.OPEN) {
            return Optional.empty();
        }
        return queue.messages(OutboxState.DONE).stream().filter(m -> entryNo.equals(m.entryNo())
                        && isResettlement(m))
                .findFirst().map(m -> outcome(entryNo, m, cashier))
                .or(() -> Optional.of(refused("resettle.not_open", entryNo, e.state().name())));
    }

    private Optional<OutboxMessage> messageOfSale(String saleId) {
        for (OutboxState s : OutboxState.values()) {
            Optional<OutboxMessage> m = queue.messages(s).stream().filter(x -> saleId.equals(x.saleId())).findFirst();
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** Another counter's entry: the 8401 is built from what the center registered. */
    private EncodedMessage remoteSettlement(RegisteredEntry r, String cardNo) {
        return codec.encode(new HostRequest.Resettle8401(r.entryNo(), r.fault(), r.originalTime(), r.psnCertNo(), cardNo,
                codec.items(r.itemsJson()), r.cashPaidFen(), null, r.acctPaidFen(), r.offlineMsgid(),
                r.kind() == EntryKind.PHARMACY ? null : r.kind()));
    }

    private ResettleOutcome outcome(String entryNo, OutboxMessage m, String cashier) {
        if (m.state() == OutboxState.REJECTED) {
            LOG.warn("Re-settlement of entry {} rejected by the center: {}", entryNo, m.reason());
            return new ResettleOutcome.Rejected(entryNo, m.reason() == null ? "" : m.reason());
        }
        if (m.state() != OutboxState.DONE) {
            return new ResettleOutcome.Pending(entryNo);
        }
        Resettled r;
        try {
            r = codec.resettled(m.message(), m.resultJson());
        } catch (CenterUnreachable e) {
            throw new IllegalStateException("8401 answer unreadable", e);
        }
        long fund = r.fundPayFen();
        long acct = r.acctPayFen();
        long refund = r.refundFen();
        audit.record(cashier, "RESETTLED", "entry " + entryNo + ", refund " + refund + " fen");
        LOG.info("Entry {} re-settled ({}): refund {} fen in cash", entryNo, r.setlId(), refund);
        return new ResettleOutcome.Settled(entryNo, r.setlId(), fund, acct, refund);
    }

    private ResettleOutcome refused(String key, String entryNo, Object... more) {
        List<Object> args = new ArrayList<>();
        args.add(entryNo);
        args.addAll(List.of(more));
        return new ResettleOutcome.Refused(entryNo, key, args);
    }
}
