package org.medcard.terminal.receipt.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A composed document, ready for any output.
 *
 * @param kind short machine name of the document ({@code sale-receipt}), used for file and job names
 * @param title the human title (also the PDF's title)
 * @param elements what the paper shows, top to bottom
 */
public record Sheet(String kind, String title, List<SheetElement> elements) {

    public Sheet {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        elements = List.copyOf(elements);
    }

    /** Every piece of text on the sheet, one per line; for tests and for searching a reprint. */
    public String plainText() {
        List<String> out = new ArrayList<>();
        for (SheetElement e : elements) {
            if (e instanceof SheetElement.Title t) {
                out.add(t.text());
            } else if (e instanceof SheetElement.Banner b) {
                out.add(b.text());
            } else if (e instanceof SheetElement.Text t) {
                out.add(t.text());
            } else if (e instanceof SheetElement.Field f) {
                out.add(f.label() + " " + f.value());
            } else if (e instanceof SheetElement.Table t) {
                out.add(t.columns().stream().map(SheetElement.Column::header).collect(Collectors.joining(" ")));
                t.rows().forEach(r -> out.add(String.join(" ", r)));
            } else if (e instanceof SheetElement.Signature s) {
                out.add(s.label());
            }
        }
        return String.join("\n", out);
    }

    /** A copy with one element put first (e.g. a warning the renderer must add). */
    public Sheet withFirst(SheetElement element) {
        List<SheetElement> list = new ArrayList<>(elements.size() + 1);
        list.add(element);
        list.addAll(elements);
        return new Sheet(kind, title, list);
    }
}
