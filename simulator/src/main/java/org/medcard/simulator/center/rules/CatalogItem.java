package org.medcard.simulator.center.rules;

/**
 * One drug or service of the catalog. {@code selfPayRatioBp} is the B item's self-pay ratio in basis
 * points (1000 = 0.10), 0 for A and SELF. {@code chronic} marks chronic-disease drugs, which the pooling
 * fund shares in at a pharmacy.
 */
public record CatalogItem(String code, String name, String spec, String unit, long price, Category category,
                          int selfPayRatioBp, boolean chronic, int version) {

    public CatalogItem {
        if (code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("catalog item needs a code and a name");
        }
        if (price < 0) {
            throw new IllegalArgumentException("negative price for " + code);
        }
        if (category == null) {
            throw new IllegalArgumentException("category missing for " + code);
        }
        if (selfPayRatioBp < 0 || selfPayRatioBp > 10_000 || (category != Category.B && selfPayRatioBp != 0)) {
            throw new IllegalArgumentException("self-pay ratio " + selfPayRatioBp + " bp is invalid for " + category + " item " + code);
        }
        if (version < 1) {
            throw new IllegalArgumentException("catalog version must be at least 1 for " + code);
        }
    }
}
