package org.medcard.terminal.present.supervisor;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;

/**
 * A receipt's sheet as lines of text for a screen in a monospaced font: the same elements the PDF and the
 * printer lay out (title, fields, tables with their columns aligned, rules), so what the screen shows is what the
 * paper says. A Chinese character counts two columns, as in a terminal font.
 */
public final class SheetLines {

    private SheetLines() {
    }

    public static List<String> of(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (SheetElement e : sheet.elements()) {
            if (e instanceof SheetElement.Title t) {
                out.add(t.text());
            } else if (e instanceof SheetElement.Banner b) {
                out.add("*** " + b.text() + " ***");
            } else if (e instanceof SheetElement.Text t) {
                out.add(t.text());
            } else if (e instanceof SheetElement.Field f) {
                out.add(f.label() + ": " + (f.value() == null ? "" : f.value()));
            } else if (e instanceof SheetElement.Rule) {
                out.add("-".repeat(48));
            } else if (e instanceof SheetElement.Table t) {
                table(t, out);
            } else if (e instanceof SheetElement.Signature s) {
                out.add(s.label() + ": ____________");
            }
        }
        return out;
    }

    private static void table(SheetElement.Table t, List<String> out) {
        int n = t.columns().size();
        int[] width = new int[n];
        List<List<String>> all = new ArrayList<>();
        all.add(t.columns().stream().map(SheetElement.Column::header).toList());
        all.addAll(t.rows());
        for (List<String> row : all) {
            for (int i = 0; i < n && i < row.size(); i++) {
                width[i] = Math.max(width[i], columns(row.get(i)));
            }
        }
        for (List<String> row : all) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String cell = i < row.size() && row.get(i) != null ? row.get(i) : "";
                String pad = " ".repeat(width[i] - columns(cell));
                boolean right = t.columns().get(i).align() == org.medcard.terminal.receipt.sheet.Align.RIGHT;
                s.append(i == 0 ? "" : "  ").append(right ? pad + cell : cell + pad);
            }
            out.add(s.toString().stripTrailing());
        }
    }

    /** Columns a text takes in a terminal font: two for a CJK character, one otherwise. */
    static int columns(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().map(c -> c >= 0x2E80 && c <= 0xFFEF ? 2 : 1).sum();
    }
}
