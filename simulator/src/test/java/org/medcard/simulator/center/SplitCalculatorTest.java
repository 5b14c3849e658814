package org.medcard.simulator.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.medcard.simulator.center.rules.CatalogItem;
import org.medcard.simulator.center.rules.Category;
import org.medcard.simulator.center.rules.Eligibility;
import org.medcard.simulator.center.rules.Insutype;
import org.medcard.simulator.center.rules.PsnStatus;
import org.medcard.simulator.center.rules.SaleKind;
import org.medcard.simulator.center.rules.Split;
import org.medcard.simulator.center.rules.SplitCalculator;
import org.medcard.simulator.center.rules.SplitCalculator.SaleLine;

class SplitCalculatorTest {
    private static final SplitCalculator CALC = new SplitCalculator("110101");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final CatalogItem A = new CatalogItem("A1", "甲类", "", "盒", 1001, Category.A, 0, false, 1);
    private static final CatalogItem A_CHRONIC = new CatalogItem("A2", "甲类慢病", "", "盒", 1620, Category.A, 0, true, 1);
    private static final CatalogItem B_CHRONIC = new CatalogItem("B1", "乙类慢病", "", "盒", 2950, Category.B, 1000, true, 1);
    private static final CatalogItem SELF = new CatalogItem("S1", "自费", "", "瓶", 8800, Category.SELF, 0, false, 1);

    private static Eligibility normal(Insutype type) {
        return new Eligibility(type, PsnStatus.NORMAL, null, LocalDate.of(2019, 3, 15), "110101", false, false);
    }

    @ParameterizedTest(name = "{0} fen × {1} bp = {2}")
    @CsvSource({"1001, 7000, 701", "3, 5000, 2", "1, 5000, 1", "2655, 5000, 1328", "6264, 7000, 4385", "0, 7000, 0", "4294967295, 10000, 4294967295"})
    void applyBp_roundsToTheNearestFen_halvesUp(long amount, int bp, long expected) {
        assertEquals(expected, SplitCalculator.applyBp(amount, bp));
    }

    @Test
    void outpatient_poolsEveryEligibleLine_bAfterSelfPay_selfNever_sharesAddUp() {
        Split s = CALC.split(SaleKind.OUTPATIENT, List.of(new SaleLine(A, 1), new SaleLine(B_CHRONIC, 1), new SaleLine(SELF, 1)),
                normal(Insutype.EMPLOYEE), DAY, 0);
        assertEquals(1001 + 2950 + 8800, s.total());
        assertEquals(1001 + 2655, s.poolingBase());
        assertEquals(2559, s.fundPay(), "3656 × 0.70 = 2559.2");
        assertNull(s.noPoolingRule());
        assertEquals(s.total() - s.fundPay(), s.acctPayMax(1_000_000));
        assertEquals(100, s.acctPayMax(100), "the shadow balance caps the account share");
    }

    @Test
    void pharmacy_poolsOnlyChronicLines() {
        Split s = CALC.split(SaleKind.PHARMACY, List.of(new SaleLine(A, 2), new SaleLine(A_CHRONIC, 1)), normal(Insutype.RESIDENT), DAY, 0);
        assertEquals(1620, s.poolingBase());
        assertEquals(810, s.fundPay());
    }

    @Test
    void deductibleRemaining_comesOffThePoolingBaseFirst() {
        Split s = CALC.split(SaleKind.OUTPATIENT, List.of(new SaleLine(A_CHRONIC, 1)), normal(Insutype.EMPLOYEE), DAY, 620);
        assertEquals(620, s.deductibleApplied());
        assertEquals(700, s.fundPay());
        Split all = CALC.split(SaleKind.OUTPATIENT, List.of(new SaleLine(A_CHRONIC, 1)), normal(Insutype.EMPLOYEE), DAY, 5000);
        assertEquals(1620, all.deductibleApplied());
        assertEquals(0, all.fundPay());
    }

    @Test
    void R4_suspended_poolingStopsOnTheFirstOfTheNextMonth() {
        Eligibility suspended = new Eligibility(Insutype.EMPLOYEE, PsnStatus.SUSPENDED, LocalDate.of(2026, 10, 15),
                LocalDate.of(2019, 3, 15), "110101", false, false);
        assertNull(CALC.noPoolingRule(SaleKind.OUTPATIENT, suspended, LocalDate.of(2026, 10, 31)));
        assertEquals("R4", CALC.noPoolingRule(SaleKind.OUTPATIENT, suspended, LocalDate.of(2026, 11, 1)));
    }

    @Test
    void R6_sixMonthsForOutpatient_twelveForInpatient() {
        Eligibility recent = new Eligibility(Insutype.EMPLOYEE, PsnStatus.NORMAL, null, LocalDate.of(2026, 8, 1), "110101", false, false);
        assertEquals("R6", CALC.noPoolingRule(SaleKind.OUTPATIENT, recent, LocalDate.of(2027, 1, 31)));
        assertNull(CALC.noPoolingRule(SaleKind.OUTPATIENT, recent, LocalDate.of(2027, 2, 1)));
        assertEquals("R6", CALC.noPoolingRule(SaleKind.INPATIENT, recent, LocalDate.of(2027, 7, 31)));
        assertNull(CALC.noPoolingRule(SaleKind.INPATIENT, recent, LocalDate.of(2027, 8, 1)));
    }

    @Test
    void R12_otherRegion_poolsOnlyWhenFiled_R3_beneficiaryNeverPooled() {
        Eligibility unfiled = new Eligibility(Insutype.EMPLOYEE, PsnStatus.NORMAL, null, LocalDate.of(2019, 3, 15), "440106", false, false);
        Eligibility filed = new Eligibility(Insutype.EMPLOYEE, PsnStatus.NORMAL, null, LocalDate.of(2019, 3, 15), "310104", true, false);
        Eligibility family = new Eligibility(Insutype.EMPLOYEE, PsnStatus.NORMAL, null, LocalDate.of(2019, 3, 15), "110101", false, true);
        assertEquals("R12", CALC.noPoolingRule(SaleKind.OUTPATIENT, unfiled, DAY));
        assertNull(CALC.noPoolingRule(SaleKind.OUTPATIENT, filed, DAY));
        Split s = CALC.split(SaleKind.OUTPATIENT, List.of(new SaleLine(A_CHRONIC, 1)), family, DAY, 0);
        assertEquals("R3", s.noPoolingRule());
        assertEquals(0, s.fundPay());
    }
}
