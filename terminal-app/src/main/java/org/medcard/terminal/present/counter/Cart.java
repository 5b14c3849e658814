package org.medcard.terminal.present.counter;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.sale.SaleItem;

/** The items being sold: scanning the same code again adds one to its line. Used on the UI thread only. */
public final class Cart {

    /** More than this of one item is almost certainly a scanner repeat or a typo. */
    public static final int MAX_QUANTITY = 999;

    private final List<CartLine> lines = new ArrayList<>();

    /** Adds one of {@code item}; returns the index of its line. */
    public int add(CatalogItem item) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).code().equals(item.code())) {
                setQuantity(i, lines.get(i).quantity() + 1);
                return i;
            }
        }
        lines.add(new CartLine(item.code(), item.name(), item.spec(), item.priceFen(), 1));
        return lines.size() - 1;
    }

    public void setQuantity(int index, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity " + quantity + " outside 1.." + MAX_QUANTITY);
        }
        lines.set(index, lines.get(index).withQuantity(quantity));
    }

    public void remove(int index) {
        lines.remove(index);
    }

    public void clear() {
        lines.clear();
    }

    public List<CartLine> lines() {
        return List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public long totalFen() {
        return lines.stream().mapToLong(CartLine::amountFen).reduce(0, Math::addExact);
    }

    /** What the sale is asked for. */
    public List<SaleItem> saleItems() {
        return lines.stream().map(l -> new SaleItem(l.code(), l.quantity())).toList();
    }
}
