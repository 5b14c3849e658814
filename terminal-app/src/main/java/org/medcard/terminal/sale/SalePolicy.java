package org.medcard.terminal.sale;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.center.PreSettlement;
import org.medcard.terminal.session.CardView;

/**
 * The terminal's own money rules for one sale, apart from the card's status:
 * <ul>
 *   <li>R10: a PIN before every debit, unless the amount is below the configured small-amount exemption;</li>
 *   <li>R3: paying for a family member only for employee-scheme cards and only online;</li>
 *   <li>R12: a card from another region gets pooling only online and only when the center confirms the
 *       cross-region filing;</li>
 *   <li>R11: offline, the pooling share is never paid; the personal account pays what the card and the
 *       offline limits allow and the rest is cash.</li>
 * </ul>
 */
public final class SalePolicy {

    private final String institutionRegion;
    private final long pinExemptBelowFen;

    public SalePolicy(String institutionRegion, long pinExemptBelowFen) {
        this.institutionRegion = institutionRegion;
        this.pinExemptBelowFen = pinExemptBelowFen;
    }

    /** R10: whether this debit needs the cardholder's PIN. */
    public boolean pinRequired(long debitFen) {
        return debitFen > 0 && debitFen >= pinExemptBelowFen;
    }

    /** R3: whether "pay for a family member" may be offered. */
    public boolean familyPaymentOffered(String scheme, boolean online) {
        return online && "EMPLOYEE".equals(scheme);
    }

    /**
     * R3 at every desk (pharmacy sale, hospital registration and visit): why the card in the slot may not pay for
     * {@code beneficiaryPsnNo}, as a message key, or empty when it may — an EMPLOYEE card, online, and the person
     * among the family members the center listed in {@code 1101}.
     */
    public Optional<String> familyRefusal(CardView view, String beneficiaryPsnNo) {
        if (!familyPaymentOffered(view.scheme(), view.online())) {
            return Optional.of("sale.family_not_offered");
        }
        boolean listed = view.person().map(p -> p.family().stream().anyMatch(m -> m.psnNo().equals(beneficiaryPsnNo))).orElse(false);
        return listed ? Optional.empty() : Optional.of("sale.family_unknown");
    }

    /**
     * Whether the pooling fund may pay in an online sale or visit of this card: R3 (never for a family member), R4
     * (status), R6 (six months after qualification), R12 (cross-region filing).
     *
     * @param paidFor the cardholder, or the family member paid for (R3)
     */
    public boolean poolingAllowed(CardView view, PaidFor paidFor, LocalDate today) {
        if (paidFor.family() || !view.verdict().poolingAllowedOn(today)) {
            return false;
        }
        PersonInfo person = view.person().orElseThrow();
        if (person.effectiveFrom() != null && today.isBefore(person.effectiveFrom().plusMonths(6))) {
            return false;
        }
        return poolingAllowed(view.cardRegion(), true, person.crossRegionFiled());
    }

    /**
     * Why the pooling fund pays nothing for this card in this sale (issue 15: "fund pays 0" with its reason on the
     * split), in the order {@link #poolingAllowed(CardView, PaidFor, LocalDate)} decides: R11 offline, R3 a family
     * member, R4 the card's status, R6 the six months after qualification, R12 an unfiled cross-region card. Empty
     * when the fund may pay (it may still pay 0 for self-pay items, R13: the split's lines say that).
     *
     * @param forFamily true when the sale pays for a family member (R3)
     */
    public Optional<NoPooling> noPooling(CardView view, boolean forFamily, LocalDate today) {
        if (!view.online()) {
            return Optional.of(NoPooling.OFFLINE);
        }
        if (forFamily) {
            return Optional.of(new NoPooling("R3", null));
        }
        if (!view.verdict().poolingAllowedOn(today)) {
            return Optional.of(new NoPooling("R4", null));
        }
        PersonInfo person = view.person().orElseThrow();
        if (person.effectiveFrom() != null && today.isBefore(person.effectiveFrom().plusMonths(6))) {
            return Optional.of(new NoPooling("R6", person.effectiveFrom().plusMonths(6)));
        }
        if (!poolingAllowed(view.cardRegion(), true, person.crossRegionFiled())) {
            return Optional.of(new NoPooling("R12", null));
        }
        return Optional.empty();
    }

    /**
     * The rule that keeps the pooling fund out of a sale.
     *
     * @param rule  R3, R4, R6, R11 or R12 (the message key {@code split.no_pooling.<rule>} words it)
     * @param from  R6: the first day the fund pays; null for the other rules
     */
    public record NoPooling(String rule, LocalDate from) {

        /** R11: offline, or the center went away during the sale; the fund does not pay. */
        public static final NoPooling OFFLINE = new NoPooling("R11", null);
    }

    /** R12: whether a card of {@code cardRegion} is cross-region here. */
    public boolean crossRegion(String cardRegion) {
        return !institutionRegion.equals(cardRegion);
    }

    /** R12: whether the pooling fund may pay for this card in this sale. */
    public boolean poolingAllowed(String cardRegion, boolean online, boolean crossRegionFiled) {
        if (!online) {
            return false;
        }
        return !crossRegion(cardRegion) || crossRegionFiled;
    }

    /**
     * The online plan from the center's pre-settlement: the account pays as much as it may and the card
     * holds (the cashier may ask for less), the rest is cash. A pooling share the center proposes for a card
     * that R12 or R3 excludes is refused rather than paid.
     *
     * @param requestedAccountFen what the patient wants paid from the account, empty for "as much as possible"
     */
    public PaymentPlan onlinePlan(PreSettlement pre, long cardBalanceFen, OptionalLong requestedAccountFen, boolean poolingAllowed) {
        if (!poolingAllowed && pre.fundPayFen() > 0) {
            throw new IllegalStateException("the center proposed a pooling share of " + pre.fundPayFen()
                    + " fen for a card that may not use pooling (R3/R12); sale stopped");
        }
        long maxAccount = Math.min(pre.acctPayMaxFen(), cardBalanceFen);
        long account = Math.min(requestedAccountFen.orElse(maxAccount), maxAccount);
        return new PaymentPlan(pre.totalFen(), pre.fundPayFen(), account, pre.totalFen() - pre.fundPayFen() - account);
    }

    /**
     * R11 case 1: offline, no pooling; the account pays up to the balance and {@code offlineRoomFen} (what the
     * offline limits still allow for this card and sale), the rest is cash.
     */
    public PaymentPlan offlinePlan(long totalFen, long cardBalanceFen, long offlineRoomFen) {
        long account = Math.max(0, Math.min(totalFen, Math.min(cardBalanceFen, offlineRoomFen)));
        return new PaymentPlan(totalFen, 0, account, totalFen - account);
    }
}
