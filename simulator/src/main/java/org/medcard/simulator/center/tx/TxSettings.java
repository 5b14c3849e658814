package org.medcard.simulator.center.tx;

import java.util.EnumMap;
import java.util.Map;

import org.medcard.simulator.center.rules.Insutype;

/**
 * The configurable rules of the simulated center.
 *
 * @param institutionRegion region of the simulated institution (R12 compares the card's region with it)
 * @param annualDeductible  per scheme, what a person pays each calendar year before the fund shares in
 * @param maxBatch          the most records one 8301 upload may carry
 * @param resettleMaxDays   after this many days an open re-settlement entry is EXPIRED (R11)
 */
public record TxSettings(String institutionRegion, Map<Insutype, Long> annualDeductible, int maxBatch, int resettleMaxDays) {

    public TxSettings {
        if (institutionRegion == null || !institutionRegion.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("institution region must be 6 digits: " + institutionRegion);
        }
        Map<Insutype, Long> copy = new EnumMap<>(Insutype.class);
        for (Insutype t : Insutype.values()) {
            long v = annualDeductible.getOrDefault(t, 0L);
            if (v < 0) {
                throw new IllegalArgumentException("negative deductible for " + t);
            }
            copy.put(t, v);
        }
        annualDeductible = Map.copyOf(copy);
        if (maxBatch < 1 || resettleMaxDays < 1) {
            throw new IllegalArgumentException("maxBatch and resettleMaxDays must be positive");
        }
    }

    /** Region 110101, no deductible, batches of 500, entries expire after 90 days. */
    public static TxSettings defaults() {
        return new TxSettings("110101", Map.of(), 500, 90);
    }

    public TxSettings withDeductible(Insutype type, long fen) {
        Map<Insutype, Long> m = new EnumMap<>(annualDeductible);
        m.put(type, fen);
        return new TxSettings(institutionRegion, m, maxBatch, resettleMaxDays);
    }
}
