package org.medcard.terminal.sale;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.queue.Fault;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.session.TornSale;

/**
 * How a sale ended: one record per kind of outcome, each with only the figures it has. Amounts in fen. The sale
 * says what happened (a message key and its arguments); the caller words it ({@link SaleTexts}) and makes its
 * receipt ({@link SaleDocuments}).
 */
public sealed interface SaleOutcome permits SaleOutcome.Settled, SaleOutcome.SettlementPending,
        SaleOutcome.SettlementRejected, SaleOutcome.OfflineDebited, SaleOutcome.CashResettle, SaleOutcome.Refused,
        SaleOutcome.Interrupted {

    /** The outcome's name on the CLI's contract ({@code --json} "outcome") and in logs; one per record. */
    enum Kind {
        SETTLED, SETTLEMENT_PENDING, SETTLEMENT_REJECTED, OFFLINE_DEBITED, CASH_RESETTLE, REFUSED, INTERRUPTED;

        /** Whether the patient was served (goods may be handed over). */
        public boolean served() {
            return this == SETTLED || this == SETTLEMENT_PENDING || this == OFFLINE_DEBITED || this == CASH_RESETTLE;
        }
    }

    Kind kind();

    /** The card this contact read; empty when none could be read (reader, card or PSAM fault before it). */
    Optional<CardContact> card();

    /** The message key for the cashier (refusal, fault, "to be uploaded"). */
    String messageKey();

    /** The message's arguments; a {@link Fault} is worded by its name in the configured language. */
    default List<Object> messageArgs() {
        return List.of();
    }

    /** The split, when one was worked out. */
    default Optional<PaymentPlan> plan() {
        return Optional.empty();
    }

    /** The card's balance after this contact (after the debit, if any), when known. */
    default OptionalLong balanceAfterFen() {
        return card().map(CardContact::balanceFen).orElse(OptionalLong.empty());
    }

    /** What the card did (sale id, TAC, balance after), when it paid. */
    default Optional<CardDebit> cardDebit() {
        return Optional.empty();
    }

    default boolean served() {
        return kind().served();
    }

    /** Torn sales of this card resolved at the start of this contact. */
    default List<TornSale> recovered() {
        return card().map(CardContact::recovered).orElse(List.of());
    }

    /** R15: monthly money credited at the start of this contact (0 when none), for the cashier to tell the patient. */
    default long loadedFen() {
        return card().map(CardContact::loadedFen).orElse(0L);
    }

    // ---------------------------------------------------------------- what the records share

    /**
     * The card as this contact read it.
     *
     * @param cardNo       the application serial number (digits; receipts mask it)
     * @param cardNoMasked the card number, masked (first 3, last 4)
     * @param holderName   the cardholder's name, shown to the cashier (R10)
     * @param holderIdNumber the cardholder's ID number (receipts mask it)
     * @param balanceFen   the purse balance when read, empty when the card would not tell
     */
    record CardContact(String cardNo, String cardNoMasked, String holderName, String holderIdNumber, OptionalLong balanceFen,
                       List<TornSale> recovered, long loadedFen) {
        public CardContact {
            Objects.requireNonNull(cardNo, "cardNo");
            recovered = List.copyOf(recovered);
        }

        static CardContact of(CardView v, List<? extends TornSale> recovered, long loadedFen) {
            return new CardContact(v.info().cardNo().digits(), v.info().cardNo().masked(), v.holder().name(),
                    v.holder().idNumber().value(), v.balanceFen(),
                    List.copyOf(recovered), loadedFen);
        }
    }

    /** R3: the family member paid for: psn_no, name as 1101 lists it, and their ID number ("—" when not listed). */
    record Beneficiary(String psnNo, String name, String certNo) {
    }

    /**
     * What the card did: the journal's sale id, the TAC (R10) and the balance after, when known.
     */
    record CardDebit(String saleId, String tac, OptionalLong balanceAfterFen) {
    }

    /**
     * The split paid, the items at their prices (empty when they could not be read back), the family member, and why
     * the pooling fund paid nothing (the sale policy's reason the split showed, for the receipt; issue 15).
     */
    record Purchase(PaymentPlan plan, List<SaleLine> lines, Optional<Beneficiary> beneficiary,
                    Optional<SalePolicy.NoPooling> noPooling) {
        public Purchase {
            Objects.requireNonNull(plan, "plan");
            lines = List.copyOf(lines);
            Objects.requireNonNull(beneficiary, "beneficiary");
            Objects.requireNonNull(noPooling, "noPooling");
        }

        /** A purchase whose fund share needs no reason (the fund paid, or nothing was insured). */
        public Purchase(PaymentPlan plan, List<SaleLine> lines, Optional<Beneficiary> beneficiary) {
            this(plan, lines, beneficiary, Optional.empty());
        }

        /** The same purchase for the cardholder (an offline debit pays for no family member). */
        Purchase withoutBeneficiary() {
            return new Purchase(plan, lines, Optional.empty(), noPooling);
        }
    }

    /** Online, debited (or nothing to debit) and settled by the center ({@code 2102} answered 0). */
    record Settled(CardContact contact, Purchase purchase, Optional<CardDebit> debit, Optional<String> setlId)
            implements SaleOutcome {
        @Override public Kind kind() { return Kind.SETTLED; }
        @Override public Optional<CardContact> card() { return Optional.of(contact); }
        @Override public String messageKey() { return "sale.settled"; }
        @Override public Optional<CardDebit> cardDebit() { return debit; }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(purchase.plan()); }
        @Override public OptionalLong balanceAfterFen() { return debited(debit, contact); }
    }

    /**
     * Online, debited; the settle is sent but unanswered and the queue resends the same msgid.
     *
     * @param heldByTamper a tamper finding holds every message until a supervisor acknowledges it (issue 18 case 4)
     */
    record SettlementPending(CardContact contact, Purchase purchase, Optional<CardDebit> debit, boolean heldByTamper)
            implements SaleOutcome {
        @Override public Kind kind() { return Kind.SETTLEMENT_PENDING; }
        @Override public Optional<CardContact> card() { return Optional.of(contact); }
        @Override public String messageKey() { return heldByTamper ? "sale.settlement_held_tamper" : "sale.settlement_pending"; }
        @Override public Optional<CardDebit> cardDebit() { return debit; }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(purchase.plan()); }
        @Override public OptionalLong balanceAfterFen() { return debited(debit, contact); }
    }

    /**
     * Online, debited, but the center refused the settle (a supervisor resolves it).
     *
     * @param reason the refusal as the queue records it ({@code "infcode 2005: text"})
     */
    record SettlementRejected(CardContact contact, Purchase purchase, Optional<CardDebit> debit, String reason)
            implements SaleOutcome {
        @Override public Kind kind() { return Kind.SETTLEMENT_REJECTED; }
        @Override public Optional<CardContact> card() { return Optional.of(contact); }
        @Override public String messageKey() { return "sale.settlement_rejected"; }
        @Override public Optional<CardDebit> cardDebit() { return debit; }
        @Override public List<Object> messageArgs() { return List.of(reason); }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(purchase.plan()); }
        @Override public OptionalLong balanceAfterFen() { return debited(debit, contact); }
    }

    /**
     * R11 case 1: debited offline, to be uploaded (8301).
     *
     * @param cashEntryNo the re-settlement entry of the cash share (the pooling share is never paid offline)
     */
    record OfflineDebited(CardContact contact, Purchase purchase, CardDebit debit, Optional<String> cashEntryNo)
            implements SaleOutcome {
        @Override public Kind kind() { return Kind.OFFLINE_DEBITED; }
        @Override public Optional<CardContact> card() { return Optional.of(contact); }
        @Override public String messageKey() { return "sale.to_be_uploaded"; }
        @Override public Optional<CardDebit> cardDebit() { return Optional.of(debit); }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(purchase.plan()); }
        @Override public OptionalLong balanceAfterFen() { return debit.balanceAfterFen(); }
    }

    /**
     * R11 case 2: paid in cash, re-settlement entry recorded.
     *
     * @param card     the card, when one was read before the fault
     * @param idNumber the patient's ID number from the ID card
     */
    record CashResettle(Optional<CardContact> card, PaymentPlan cash, List<SaleLine> lines, String idNumber, String entryNo,
                        Fault fault) implements SaleOutcome {
        public CashResettle {
            lines = List.copyOf(lines);
        }
        @Override public Kind kind() { return Kind.CASH_RESETTLE; }
        @Override public String messageKey() { return "sale.cash_resettle"; }
        @Override public List<Object> messageArgs() { return List.of(entryNo, fault); }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(cash); }
    }

    /**
     * No sale: card status, PIN, forged card, family rule, unknown item, a center refusal, a question for the cashier.
     *
     * @param askedAt the all-cash split when the cash path stopped to ask for the ID number (R11 case 2)
     */
    record Refused(Optional<CardContact> card, Optional<PaymentPlan> askedAt, String messageKey, List<Object> messageArgs)
            implements SaleOutcome {
        public Refused {
            Objects.requireNonNull(messageKey, "messageKey");
            messageArgs = List.copyOf(messageArgs);
        }
        @Override public Kind kind() { return Kind.REFUSED; }
        @Override public Optional<PaymentPlan> plan() { return askedAt; }
        /** A question at the cash split states no balance (the card does not pay there). */
        @Override public OptionalLong balanceAfterFen() {
            return askedAt.isPresent() ? OptionalLong.empty() : SaleOutcome.super.balanceAfterFen();
        }
    }

    /**
     * The card left during DEBIT (outcome unknown until the card is presented again: tearing recovery), or it
     * paid and the journal could not record it (issue 18 case 5: then the TAC and the balance are known).
     */
    record Interrupted(CardContact contact, Purchase purchase, String saleId, Optional<CardDebit> debitedNotRecorded)
            implements SaleOutcome {
        @Override public Kind kind() { return Kind.INTERRUPTED; }
        @Override public Optional<CardContact> card() { return Optional.of(contact); }
        @Override public String messageKey() { return debitedNotRecorded.isPresent() ? "sale.debited_not_recorded" : "sale.interrupted"; }
        @Override public Optional<CardDebit> cardDebit() { return debitedNotRecorded; }
        @Override public Optional<PaymentPlan> plan() { return Optional.of(purchase.plan()); }
        @Override public OptionalLong balanceAfterFen() {
            return debitedNotRecorded.map(CardDebit::balanceAfterFen).orElse(OptionalLong.empty());
        }
    }

    /** The balance after the debit, or the card's balance when nothing was debited. */
    private static OptionalLong debited(Optional<CardDebit> debit, CardContact contact) {
        return debit.isPresent() && debit.get().balanceAfterFen().isPresent() ? debit.get().balanceAfterFen() : contact.balanceFen();
    }
}
