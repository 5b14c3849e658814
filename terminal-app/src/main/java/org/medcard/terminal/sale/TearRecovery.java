package org.medcard.terminal.sale;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.medcard.apdu.Hex;
import org.medcard.card.CardInfo;
import org.medcard.card.ForgedCardException;
import org.medcard.card.MedicalCard;
import org.medcard.card.PendingDebit;
import org.medcard.card.PurchaseIntent;
import org.medcard.card.PurchaseResult;
import org.medcard.card.SelectResult;
import org.medcard.card.TornPurchaseVerdict;
import org.medcard.crypto.Algorithm;
import org.medcard.psam.Psam;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.SaleTicket;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.session.CardSession;
import org.medcard.terminal.session.TornSale;
import org.medcard.terminal.session.TornSales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tearing recovery (card spec, purchase; business rule R10): a sale whose DEBIT FOR PURCHASE got no answer
 * stays unfinished in the journal. On the next contact with that card the terminal asks GET TRANSACTION
 * PROVE for the journalled offline counter: if the card did debit, the TAC (checked by the PSAM) completes
 * the sale exactly as journalled — settled online or queued for 8301 — and if it did not, the sale is closed
 * as not debited. Never debits; so a torn sale is paid at most once.
 *
 * <p>The card's key version, algorithm and balance are read again from the card: the journal keeps what
 * the TAC covers (counter, amount, terminal sequence, time), which is all GET TRANSACTION PROVE needs.
 * Runs on the reader's worker thread.
 */
public final class TearRecovery implements TornSales {
    private static final Logger LOG = LoggerFactory.getLogger(TearRecovery.class);
    private static final DateTimeFormatter TX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@link Recovered#note()} of a sale the card could not decide: neither debited nor not debited. */
    public static final String UNRESOLVED = "unresolved: a supervisor settles it with the center (see the audit log)";

    /** What recovery found for one unfinished sale. */
    public record Recovered(String saleId, boolean debited, Optional<String> tac, Optional<SettleResult> settle, String note)
            implements TornSale {
        /** Neither proven debited nor proven not debited (issue 18 case 3). */
        @Override
        public boolean unresolved() {
            return UNRESOLVED.equals(note);
        }
    }

    /** {@link Recovered#note()} of a sale whose recovered TAC failed the PSAM's check (R10). */
    public static final String FORGED = "forged card: the recovered TAC failed PSAM verification; closed without a sale";

    private final OfflineQueue queue;
    private final OnlineSettler settler;
    private final AuditLog audit;
    private final String operator;

    /**
     * @param settler  sends a recovered sale's settle
     * @param audit    where a forged card and an unresolved sale are recorded
     * @param operator who the audit log names for recoveries (the terminal's operator)
     */
    public TearRecovery(OfflineQueue queue, OnlineSettler settler, AuditLog audit, String operator) {
        this.queue = queue;
        this.settler = settler;
        this.audit = audit;
        this.operator = operator;
    }

    /** The unfinished sales of the card with this application serial number. */
    public List<SaleTicket> unfinishedOf(String cardNo) {
        return queue.unfinishedSales().stream().filter(t -> t.intent().cardNo().equalsIgnoreCase(cardNo)).toList();
    }

    /**
     * At start: resolves the unfinished sales of the card in the slot, if a card is there (a tear before the last
     * stop). Any failure leaves them for the next time their card is presented.
     */
    public void recoverAtStart(BooleanSupplier cardPresent, CardSession session) {
        if (queue.unfinishedSales().isEmpty()) {
            return;
        }
        try {
            if (!cardPresent.getAsBoolean()) {
                LOG.warn("{} unfinished sale(s): resolved when their card is presented again", queue.unfinishedSales().size());
                return;
            }
            MedicalCard card = session.connect();
            recover(card, session.psam());
        } catch (RuntimeException e) {
            LOG.warn("Unfinished sales not resolved at start ({}); they are resolved when their card is presented", e.getMessage());
        }
    }

    /** Resolves every unfinished sale of the card in {@code card}'s slot. */
    @Override
    public List<Recovered> recover(MedicalCard card, Psam psam) {
        SelectResult select = card.select();
        CardInfo info = card.readCardInfo();
        List<SaleTicket> mine = unfinishedOf(info.cardNo().digits());
        if (mine.isEmpty()) {
            return List.of();
        }
        Algorithm algorithm = select.fci().map(f -> f.algorithm())
                .orElseThrow(() -> new IllegalStateException("card application not usable: cannot recover its torn sale"));
        List<Recovered> out = new ArrayList<>();
        for (SaleTicket t : mine) {
            out.add(recoverOne(card, psam, info, algorithm, t));
        }
        return out;
    }

    private Recovered recoverOne(MedicalCard card, Psam psam, CardInfo info, Algorithm algorithm, SaleTicket t) {
        long amount = t.intent().acctPayFen();
        // The balance before the torn debit: now + amount if the card debited (only used then).
        long balanceBefore = card.getBalance() + amount;
        PurchaseIntent intent = new PurchaseIntent(info.cardNo(), amount, psam.terminalId(), balanceBefore,
                t.intent().cardCounter(), info.keyVersion(), algorithm, new byte[4]);
        PendingDebit pending = new PendingDebit(intent, t.terminalSeq(), LocalDateTime.parse(t.txTime(), TX_TIME));
        Optional<PurchaseResult> result;
        TornPurchaseVerdict verdict;
        try {
            verdict = card.resolveTornPurchase(pending, psam);
            result = verdict instanceof TornPurchaseVerdict.Debited d ? Optional.of(d.result()) : Optional.empty();
        } catch (ForgedCardException e) {
            LOG.error("R10: sale {} — {}; closed without a sale", t.saleId(), e.getMessage());
            audit.record(operator, "R10_FORGED_CARD", "card " + info.cardNo().masked()
                    + ", recovered TAC of sale " + t.saleId() + " failed PSAM verification");
            queue.recordNoDebit(t.saleId(), "R10: recovered TAC failed PSAM verification (forged card)");
            return new Recovered(t.saleId(), false, Optional.empty(), Optional.empty(), FORGED);
        }
        if (verdict instanceof TornPurchaseVerdict.Unresolved u) {
            return unresolved(t, info, u);
        }
        if (result.isEmpty()) {
            queue.recordNoDebit(t.saleId(), ((TornPurchaseVerdict.NotDebited) verdict).evidence());
            LOG.info("Recovery: sale {} was not debited; closed", t.saleId());
            return new Recovered(t.saleId(), false, Optional.empty(), Optional.empty(), "not debited");
        }
        String tac = Hex.of(result.get().record().tac()).toUpperCase(Locale.ROOT);
        Optional<OutboxMessage> settle = queue.recordCardDebit(t.saleId(), tac);
        Optional<SettleResult> settled = settle.map(settler::settle);
        LOG.info("Recovery: sale {} was debited (TAC {}); {}", t.saleId(), tac,
                settled.map(s -> "settle " + s.state()).orElse("queued for upload (8301)"));
        return new Recovered(t.saleId(), true, Optional.of(tac), settled, "debited");
    }

    /** Issue 18 case 3: the card cannot prove it either way; never "not debited" — a supervisor task with the evidence. */
    private Recovered unresolved(SaleTicket t, CardInfo info, TornPurchaseVerdict.Unresolved u) {
        queue.recordUnresolved(t.saleId(), u.evidence(), u.debitInLog());
        audit.record(operator, "TEAR_UNRESOLVED", "card " + info.cardNo().masked() + ", sale "
                + t.saleId() + ", " + t.intent().acctPayFen() + " fen: " + u.evidence());
        LOG.warn("Recovery: sale {} unresolved, for a supervisor: {}", t.saleId(), u.evidence());
        return new Recovered(t.saleId(), false, Optional.empty(), Optional.empty(), UNRESOLVED);
    }
}
