package org.medcard.simulator.center.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sale into the pooling fund's share and the rest, in integer fen.
 *
 * <p><b>Rounding rule.</b> Every product of an amount and a ratio is rounded to the nearest fen, halves
 * up ({@link #applyBp}): once per B line for its self-pay part, and once per sale for the fund share
 * (the ratio is applied to the sale's pooling base, not line by line, so rounding never accumulates).
 * The personal account and cash cover exactly {@code total − fund_pay}, so the shares always add up
 * to the total to the fen; at most half a fen per sale moves between fund and patient.
 *
 * <p><b>Pooling base.</b> Outpatient: the eligible part of every line. Pharmacy: the eligible part of
 * chronic-disease lines only (ordinary pharmacy sales have no pooling share). The base is reduced by
 * what is left of the person's annual deductible, then multiplied by the scheme's ratio.
 *
 * <p><b>No pooling</b> (first rule that applies wins): R3 the account pays for a family member; R4
 * SUSPENDED and the service date is on or after the 1st of the month after {@code statusSince}; R6
 * the service date is before {@code effectiveFrom} + 6 months (12 for inpatient care); R12 the card's
 * region differs from the institution's and no cross-region filing is on record.
 */
public final class SplitCalculator {
    private final String institutionRegion;

    public SplitCalculator(String institutionRegion) {
        this.institutionRegion = institutionRegion;
    }

    /**
     * @param deductibleRemaining what the person still has to pay this year before the fund shares in
     */
    public Split split(SaleKind kind, List<SaleLine> sale, Eligibility who, LocalDate serviceDate, long deductibleRemaining) {
        List<LineSplit> lines = new ArrayList<>(sale.size());
        long total = 0;
        long base = 0;
        for (SaleLine line : sale) {
            LineSplit ls = line(kind, line);
            lines.add(ls);
            total = Math.addExact(total, ls.amount());
            if (ls.pooled()) {
                base += ls.eligible();
            }
        }
        String rule = noPoolingRule(kind, who, serviceDate);
        if (rule != null) {
            return new Split(total, base, 0, 0, 0, rule, lines);
        }
        long deductible = Math.min(base, Math.max(0, deductibleRemaining));
        int ratio = who.insutype().poolingRatioBp();
        long fund = applyBp(base - deductible, ratio);
        return new Split(total, base, deductible, ratio, fund, null, lines);
    }

    private static LineSplit line(SaleKind kind, SaleLine line) {
        CatalogItem item = line.item();
        long amount = Math.multiplyExact(item.price(), line.qty());
        long eligible = switch (item.category()) {
            case A -> amount;
            case B -> amount - applyBp(amount, item.selfPayRatioBp());
            case SELF -> 0;
        };
        boolean pooled = eligible > 0 && (kind != SaleKind.PHARMACY || item.chronic());
        return new LineSplit(item, line.qty(), amount, eligible, pooled);
    }

    /** The rule that sets the fund share to 0 for this person and date, or {@code null}. */
    public String noPoolingRule(SaleKind kind, Eligibility who, LocalDate serviceDate) {
        if (who.beneficiary()) {
            return "R3";
        }
        if (who.status() == PsnStatus.SUSPENDED
                && !serviceDate.isBefore(who.statusSince().withDayOfMonth(1).plusMonths(1))) {
            return "R4";
        }
        int waitMonths = kind == SaleKind.INPATIENT ? 12 : 6;
        if (serviceDate.isBefore(who.effectiveFrom().plusMonths(waitMonths))) {
            return "R6";
        }
        if (!institutionRegion.equals(who.cardRegion()) && !who.crossRegionFiled()) {
            return "R12";
        }
        return null;
    }

    /** {@code amount × bp / 10000}, rounded to the nearest fen, halves up. */
    public static long applyBp(long amount, int bp) {
        return Math.floorDiv(Math.addExact(Math.multiplyExact(amount, (long) bp), 5_000L), 10_000L);
    }

    /** One requested line: a catalog item and a positive quantity. */
    public record SaleLine(CatalogItem item, long qty) {
        public SaleLine {
            if (qty <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }
    }
}
