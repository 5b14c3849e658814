package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.center.PreSettlement;

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
