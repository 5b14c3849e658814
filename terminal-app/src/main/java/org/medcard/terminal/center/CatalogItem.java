package org.medcard.terminal.center;

/**
 * Host {@code 1301}: one drug, treatment item or service. A barcode is an item code.
 *
 * @param priceFen unit price in fen
 * @param category {@code A} fully eligible, {@code B} eligible after the self-pay ratio, {@code SELF} not eligible (R13)
 * @param selfPayRatioBasisPoints for {@code B}: the self-pay ratio in basis points (0–10000); 0 otherwise
 */
public record CatalogItem(String code, String name, String spec, String unit, long priceFen, String category,
                          int selfPayRatioBasisPoints) {

    public CatalogItem {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("catalog item without a code");
        }
        if (priceFen < 0) {
            throw new IllegalArgumentException("negative price for " + code);
        }
        if (!("A".equals(category) || "B".equals(category) || "SELF".equals(category))) {
            throw new IllegalArgumentException("unknown category '" + category + "' for " + code);
        }
        if (selfPayRatioBasisPoints < 0 || selfPayRatioBasisPoints > 10_000) {
            throw new IllegalArgumentException("self-pay ratio out of 0..1 for " + code);
        }
    }

    /** A drug or a medical service item, by its code ({@link ItemKind#of(String)}). */
    public ItemKind kind() {
        return ItemKind.of(code);
    }
}
