package org.medcard.terminal.receipt;

import org.medcard.terminal.text.Texts;

/**
 * One item sold or charged.
 *
 * @param code catalogue code
 * @param name catalogue name
 * @param qty quantity in the catalogue's unit
 * @param price unit price, fen
 */
public record LineItem(String code, String name, long qty, long price) {

    public LineItem {
        Texts.requireText(code, "code");
        Texts.requireText(name, "name");
        if (qty <= 0) {
            throw new IllegalArgumentException("qty must be positive: " + qty);
        }
        Texts.requireFen(price, "price");
    }

    /** qty × price, fen. */
    public long amount() {
        return Math.multiplyExact(qty, price);
    }

    static long total(java.util.List<LineItem> items) {
        return items.stream().mapToLong(LineItem::amount).reduce(0L, Math::addExact);
    }
}
