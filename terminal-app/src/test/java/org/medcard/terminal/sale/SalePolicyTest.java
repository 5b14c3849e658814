package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.medcard.card.CardInfo;
import org.medcard.card.CardNumber;
import org.medcard.card.CardStatusCode;
import org.medcard.card.Cardholder;
import org.medcard.card.IdNumber;
import org.medcard.card.InsuranceScheme;
import org.medcard.card.InsuranceStatus;
import org.medcard.crypto.Algorithm;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.center.PreSettlement;
import org.medcard.terminal.session.CardView;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.status.CardVerdict;
import org.medcard.terminal.status.StatusReport;

class SalePolicyTest {

    private final SalePolicy policy = new SalePolicy("110101", 5_000);

    @Test
    void R10_pinIsRequiredFromTheExemptionAmountUp() {
        assertFalse(policy.pinRequired(4_999));
        assertTrue(policy.pinRequired(5_000));
        assertTrue(new SalePolicy("110101", 0).pinRequired(1), "no exemption: every debit needs the PIN");
        assertFalse(policy.pinRequired(0), "nothing debited, nothing to prove");
    }

    @Test
    void R3_familyPaymentOnlyForEmployeeCardsAndOnlyOnline() {
        assertTrue(policy.familyPaymentOffered("EMPLOYEE", true));
        assertFalse(policy.familyPaymentOffered("EMPLOYEE", false));
        assertFalse(policy.familyPaymentOffered("RESIDENT", true));
        assertFalse(policy.familyPaymentOffered("RURAL", true));
    }

    @Test
    void R12_crossRegionCardGetsPoolingOnlyOnlineWithFiling() {
        assertTrue(policy.poolingAllowed("110101", true, false), "local card");
        assertFalse(policy.poolingAllowed("440304", true, false), "cross-region, not filed");
        assertTrue(policy.poolingAllowed("440304", true, true), "cross-region, filed");
        assertFalse(policy.poolingAllowed("440304", false, true), "never offline");
        assertFalse(policy.poolingAllowed("110101", false, false), "R11: no pooling offline");
    }

    /** Issue 15: "fund pays 0" comes with its rule on the split. */
    @Test
    void R6_R12_theReasonTheFundPaysNothing() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        SalePolicy here = new SalePolicy("110100", 0);
        assertEquals(Optional.empty(), here.noPooling(card("110100", LocalDate.of(2020, 1, 1), false), false, today), "local, long insured");
        assertEquals(Optional.of(new SalePolicy.NoPooling("R6", LocalDate.of(2027, 1, 1))),
                here.noPooling(card("110100", LocalDate.of(2026, 7, 1), false), false, today), "qualified five months ago");
        assertEquals(Optional.empty(), here.noPooling(card("110100", LocalDate.of(2026, 6, 7), false), false, today), "six months today");
        assertEquals(Optional.of(new SalePolicy.NoPooling("R12", null)),
                here.noPooling(card("440304", LocalDate.of(2020, 1, 1), false), false, today), "cross-region, not filed");
        assertEquals(Optional.empty(), here.noPooling(card("440304", LocalDate.of(2020, 1, 1), true), false, today), "cross-region, filed");
        assertEquals(Optional.of(new SalePolicy.NoPooling("R3", null)),
                here.noPooling(card("110100", LocalDate.of(2020, 1, 1), false), true, today), "paying for a family member");
        // the rule that decides is the one poolingAllowed applies
        assertFalse(here.poolingAllowed(card("440304", LocalDate.of(2020, 1, 1), false), PaidFor.cardholder(), today));
        assertFalse(here.poolingAllowed(card("110100", LocalDate.of(2026, 7, 1), false), PaidFor.cardholder(), today));
    }

    private static CardView card(String region, LocalDate effectiveFrom, boolean filed) {
        CardInfo info = new CardInfo(new CardNumber("11000000000000000001"), region, CardInfo.INSURED_PERSON_CARD, true,
                LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), 1);
        Cardholder holder = new Cardholder(new IdNumber("110101197805211235"), "张伟", Optional.empty(), Optional.empty(),
                Optional.of(InsuranceScheme.EMPLOYEE), Optional.of(region));
        InsuranceStatus onCard = new InsuranceStatus(CardStatusCode.NORMAL, Optional.empty(), Optional.empty(), Optional.empty());
        CardVerdict verdict = new CardVerdict(new StatusReport(StatusReport.Source.CENTER, CardStatus.NORMAL, null, null), Optional.empty(), false);
        PersonInfo person = new PersonInfo("44000000000000000001", "张伟", "110101197805211235", "EMPLOYEE", region, CardStatus.NORMAL, Optional.empty(), null,
                effectiveFrom, filed, List.of());
        return new CardView(info, holder, onCard, Algorithm.TRIPLE_DES, OptionalLong.of(10_000), Optional.of(person), verdict, false);
    }

    @Test
    void R12_aPoolingShareTheCenterProposesForAnUnfiledCrossRegionCardIsRefused() {
        PreSettlement pre = new PreSettlement("PS1", 10_000, 3_000, 7_000, 0);
        assertThrows(IllegalStateException.class, () -> policy.onlinePlan(pre, 50_000, OptionalLong.empty(), false));
    }

    @Test
    void onlinePlanDebitsAsMuchAsAllowedAndTheCardHolds() {
        PreSettlement pre = new PreSettlement("PS1", 10_000, 3_000, 7_000, 0);
        assertEquals(new PaymentPlan(10_000, 3_000, 7_000, 0), policy.onlinePlan(pre, 50_000, OptionalLong.empty(), true));
        assertEquals(new PaymentPlan(10_000, 3_000, 2_500, 4_500), policy.onlinePlan(pre, 2_500, OptionalLong.empty(), true), "card balance limits");
        assertEquals(new PaymentPlan(10_000, 3_000, 1_000, 6_000), policy.onlinePlan(pre, 50_000, OptionalLong.of(1_000), true), "patient asks for less");
    }

    @Test
    void R11_offlinePlanPaysNoPoolingAndKeepsWithinTheOfflineRoom() {
        assertEquals(new PaymentPlan(80_000, 0, 50_000, 30_000), policy.offlinePlan(80_000, 200_000, 50_000));
        assertEquals(new PaymentPlan(12_000, 0, 3_000, 9_000), policy.offlinePlan(12_000, 3_000, 50_000));
        assertEquals(PaymentPlan.allCash(12_000), policy.offlinePlan(12_000, 3_000, 0));
    }

    @Test
    void R1_sharesAlwaysAddUpToTheFen() {
        assertThrows(IllegalArgumentException.class, () -> new PaymentPlan(100, 30, 30, 30));
        assertThrows(IllegalArgumentException.class, () -> new PaymentPlan(100, -1, 51, 50));
        assertEquals(60, new PaymentPlan(100, 30, 30, 40).insuredFen());
    }
}
