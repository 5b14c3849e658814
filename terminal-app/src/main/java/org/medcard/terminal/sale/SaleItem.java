package org.medcard.terminal.sale;

/** One line the cashier scanned: an item code (or barcode) and how many. Prices come from the catalog. */
public record SaleItem(String code, int quantity) {
    /** The most of one item on one line that the center accepts (it refuses more with only "-1 qty"). */
    public static final int MAX_QUANTITY = 10_000;

    public SaleItem {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("item code missing");
        }
        code = code.trim();
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity of " + code + " must be at least 1: " + quantity);
        }
        if (quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity of " + code + " is " + quantity + ": at most " + MAX_QUANTITY
                    + " of one item in a sale (the center's limit); check the number");
        }
    }

    /** Parses {@code CODE:QTY} (QTY defaults to 1). */
    public static SaleItem parse(String text) {
        String[] p = text.trim().split(":", 2);
        try {
            return new SaleItem(p[0], p.length == 2 ? Integer.parseInt(p[1].trim()) : 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not CODE:QTY");
        }
    }
}
