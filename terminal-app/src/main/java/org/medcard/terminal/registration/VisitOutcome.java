package org.medcard.terminal.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.queue.Fault;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * How a registration, a visit's settlement, a close or a cancellation ended: one record per kind of outcome, each
 * with only the figures it has. Amounts in fen. The desk says what happened (a message key and its arguments); the
 * caller words it ({@link VisitTexts}) and makes its documents ({@link VisitDocuments}). A card payment carries the
 * pharmacy sale's own outcome ({@link SaleOutcome}), whose figures (TAC, balance, setl_id) it does not copy.
 */
public sealed interface VisitOutcome permits VisitOutcome.Registered, VisitOutcome.CardPayment, VisitOutcome.CashResettle,
        VisitOutcome.Cancelled, VisitOutcome.Closed, VisitOutcome.Refused {

    /** The outcome's name on the CLI's contract ({@code --json} "outcome") and in logs; one per record. */
    enum Kind {
        /** Registered; the fee is settled later with the visit's items. */
        REGISTERED,
        /** Registered (if asked) and the visit settled: 2207 answered. */
        SETTLED,
        /** The card paid but 2207's answer is still awaited; the outbox resends it with the same msgid. */
        SETTLEMENT_PENDING,
        /** The center rejected the settle after the card paid; a supervisor must act. */
        SETTLEMENT_REJECTED,
        /** The card left during DEBIT; resolved on the card's next contact. */
        INTERRUPTED,
        /** R11 case 2: paid in cash during a fault; a re-settlement entry was recorded (its 8400 queued). */
        CASH_RESETTLE,
        CANCELLED,
        /** Closed by the clerk: the visit takes no further payment. */
        CLOSED,
        REFUSED;

        /** Whether the patient was served (may see the doctor / leave). */
        public boolean served() {
            return this == REGISTERED || this == SETTLED || this == SETTLEMENT_PENDING || this == CANCELLED || this == CASH_RESETTLE
                    || this == CLOSED;
        }
    }

    Kind kind();

    /** The visit this outcome is about ({@code mdtrt_id}, or a cash visit's local id); empty when none was registered. */
    default Optional<String> visit() {
        return Optional.empty();
    }

    /** The card the desk read, when one was read. */
    default Optional<CardHolder> card() {
        return Optional.empty();
    }

    /** The message key for the clerk. */
    String messageKey();

    /** The message's arguments; a {@link Fault} is worded by its name in the configured language. */
    default List<Object> messageArgs() {
        return List.of();
    }

    /** The split paid, or for a visit left open the fee's split the center foresees; empty when nothing was priced. */
    default Optional<PaymentPlan> plan() {
        return Optional.empty();
    }

    /** R15: monthly money credited onto the card when the desk opened it (0 when none, or no card was opened). */
    default long loadedFen() {
        return 0;
    }

    default boolean served() {
        return kind().served();
    }

    // ---------------------------------------------------------------- what the records share

    /** The card as the clerk sees it: the card number masked (first 3, last 4) and the holder's name (R10). */
    record CardHolder(String cardNoMasked, String name) {
        public CardHolder {
            Objects.requireNonNull(cardNoMasked, "cardNoMasked");
        }

        static CardHolder of(SaleOutcome.CardContact c) {
            return new CardHolder(c.cardNoMasked(), c.holderName());
        }
    }

    /**
     * Registered with 2201; the fee is settled later together with the visit's items.
     *
     * @param foreseen      the fee's split as 2201 foresees it
     * @param noPoolingRule the rule the center reported for a fee without a pooling share (R3/R4/R6/R12)
     */
    record Registered(String mdtrtId, CardHolder holder, PaymentPlan foreseen, Optional<String> noPoolingRule, long loadedFen)
            implements VisitOutcome {
        public Registered {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            Objects.requireNonNull(foreseen, "foreseen");
        }
        @Override public Kind kind() { return Kind.REGISTERED; }
        @Override public Optional<String> visit() { return Optional.of(mdtrtId); }
        @Override public Optional<CardHolder> card() { return Optional.of(holder); }
        @Override public String messageKey() { return "registration.registered"; }
        @Override public List<Object> messageArgs() { return List.of(mdtrtId); }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(foreseen); }
    }

    /**
     * The card paid (or began to pay) a visit's batch through the pharmacy's debit step
     * ({@link org.medcard.terminal.sale.PharmacySale#payPreSettled}): its outcome words the clerk's line.
     */
    sealed interface CardPayment extends VisitOutcome permits Settled, SettlementPending, SettlementRejected, Interrupted {

        String mdtrtId();

        /** The debit step's outcome (its card contact, purchase and card proof). */
        SaleOutcome payment();

        /** The split of this batch (the fee, if it was still due, and the items). */
        default PaymentPlan split() {
            return payment().plan().orElseThrow();
        }

        /** The TAC of the card's debit, when the card paid (none when the account paid nothing or the card left). */
        default Optional<String> tac() {
            return payment().cardDebit().map(SaleOutcome.CardDebit::tac);
        }

        /** The card's balance after the debit (or as read when nothing was debited), when known. */
        default OptionalLong balanceAfterFen() {
            return payment().balanceAfterFen();
        }

        @Override default Optional<String> visit() { return Optional.of(mdtrtId()); }
        @Override default Optional<CardHolder> card() { return payment().card().map(CardHolder::of); }
        @Override default String messageKey() { return payment().messageKey(); }
        @Override default List<Object> messageArgs() { return payment().messageArgs(); }
        @Override default Optional<PaymentPlan> plan() { return payment().plan(); }
    }

    /** Registered (if asked) and the batch settled: 2207 answered. */
    record Settled(String mdtrtId, SaleOutcome.Settled payment, long loadedFen) implements CardPayment {
        public Settled {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            Objects.requireNonNull(payment, "payment");
        }
        @Override public Kind kind() { return Kind.SETTLED; }

        /** The center's settlement id from 2207. */
        public Optional<String> setlId() {
            return payment.setlId();
        }
    }

    /** The card paid; 2207's answer is awaited and the outbox resends it with the same msgid. */
    record SettlementPending(String mdtrtId, SaleOutcome.SettlementPending payment, long loadedFen) implements CardPayment {
        public SettlementPending {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            Objects.requireNonNull(payment, "payment");
        }
        @Override public Kind kind() { return Kind.SETTLEMENT_PENDING; }
    }

    /** The card paid and the center refused 2207: a supervisor resolves it. */
    record SettlementRejected(String mdtrtId, SaleOutcome.SettlementRejected payment, long loadedFen) implements CardPayment {
        public SettlementRejected {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            Objects.requireNonNull(payment, "payment");
        }
        @Override public Kind kind() { return Kind.SETTLEMENT_REJECTED; }
    }

    /** The card left during DEBIT (or paid and the journal could not record it); resolved on its next contact. */
    record Interrupted(String mdtrtId, SaleOutcome.Interrupted payment, long loadedFen) implements CardPayment {
        public Interrupted {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            Objects.requireNonNull(payment, "payment");
        }
        @Override public Kind kind() { return Kind.INTERRUPTED; }
    }

    /**
     * R11 case 2: the fee (a local visit opened for the day) or a batch of an open visit paid in cash during a fault;
     * the re-settlement entry is recorded and its 8400 queued.
     *
     * @param mdtrtId        the visit: a local {@code CASH-…} id for a fee paid at registration, else the batch's visit
     * @param atRegistration the fee was paid as the visit was registered (else a batch of a visit already open)
     * @param payment        the pharmacy's cash path's outcome: the entry, the fault, the all-cash split, the lines
     */
    record CashResettle(String mdtrtId, boolean atRegistration, SaleOutcome.CashResettle payment, long loadedFen)
            implements VisitOutcome {
        public CashResettle {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
            Objects.requireNonNull(payment, "payment");
        }
        @Override public Kind kind() { return Kind.CASH_RESETTLE; }
        @Override public Optional<String> visit() { return Optional.of(mdtrtId); }
        @Override public Optional<CardHolder> card() { return payment.card().map(CardHolder::of); }
        @Override public String messageKey() { return atRegistration ? "registration.cash_registered" : "registration.cash_batch"; }
        @Override public List<Object> messageArgs() { return List.of(mdtrtId, payment.entryNo(), payment.fault()); }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(payment.cash()); }

        /** The re-settlement entry the patient comes back with. */
        public String entryNo() {
            return payment.entryNo();
        }

        /** The amount collected in cash. */
        public long cashFen() {
            return payment.cash().cashFen();
        }
    }

    /** Cancelled with 2202: nothing had been paid. */
    record Cancelled(String mdtrtId) implements VisitOutcome {
        public Cancelled {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
        }
        @Override public Kind kind() { return Kind.CANCELLED; }
        @Override public Optional<String> visit() { return Optional.of(mdtrtId); }
        @Override public String messageKey() { return "registration.cancelled"; }
        @Override public List<Object> messageArgs() { return List.of(mdtrtId); }
    }

    /** Closed by the clerk: the visit takes no further payment. */
    record Closed(String mdtrtId) implements VisitOutcome {
        public Closed {
            Objects.requireNonNull(mdtrtId, "mdtrtId");
        }
        @Override public Kind kind() { return Kind.CLOSED; }
        @Override public Optional<String> visit() { return Optional.of(mdtrtId); }
        @Override public String messageKey() { return "registration.closed"; }
        @Override public List<Object> messageArgs() { return List.of(mdtrtId); }
    }

    /**
     * Nothing registered or paid: an unknown department, a card that may not pay, a family rule, the center's refusal,
     * a refusal of the debit step (PIN, the card at DEBIT) or a question of the cash path (the ID number).
     *
     * @param plan            the all-cash split when the cash path stopped to ask for the ID number (R11 case 2)
     * @param balanceAfterFen the card's balance as the debit step read it, when the refusal came from it
     */
    record Refused(Optional<CardHolder> card, Optional<PaymentPlan> plan, OptionalLong balanceAfterFen, String messageKey,
                   List<Object> messageArgs, long loadedFen) implements VisitOutcome {
        public Refused {
            Objects.requireNonNull(messageKey, "messageKey");
            messageArgs = List.copyOf(messageArgs);
        }
        @Override public Kind kind() { return Kind.REFUSED; }
    }
}
