package org.medcard.terminal.present.counter;

/** One line of the cart: a catalog item at its catalog price, and how many. Amounts in fen. */
public record CartLine(String code, String name, String spec, long unitPriceFen, int quantity) {
    public CartLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
    }

    public long amountFen() {
        return Math.multiplyExact(unitPriceFen, quantity);
    }

    CartLine withQuantity(int q) {
        return new CartLine(code, name, spec, unitPriceFen, q);
    }
}
