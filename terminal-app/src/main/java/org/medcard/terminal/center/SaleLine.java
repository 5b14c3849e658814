package org.medcard.terminal.center;

/** One line of a sale: an item, how many, at what unit price (fen). */
public record SaleLine(String code, int quantity, long unitPriceFen) {
    public SaleLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        if (unitPriceFen < 0) {
            throw new IllegalArgumentException("negative price");
        }
    }

    public long amountFen() {
        return Math.multiplyExact(unitPriceFen, quantity);
    }
}
