package org.medcard.terminal.receipt.pdf;

import org.medcard.terminal.receipt.sheet.LineWrap;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;

/** Turns a sheet's elements into rows for one paper width, wrapping text by measured glyph widths. */
final class SheetLayout {

    private static final float LINE = 1.45f;

    private final DocumentFonts fonts;
    private final float width;
    private final float size;
    private final float titleSize;

    SheetLayout(DocumentFonts fonts, PaperFormat paper) {
        this.fonts = fonts;
        this.width = paper.width() - 2 * paper.margin();
        this.size = paper.fontSize();
        this.titleSize = paper.titleSize();
    }

    List<Row> layout(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (SheetElement e : sheet.elements()) {
            if (e instanceof SheetElement.Title t) {
                rows.add(text(t.text(), Align.CENTER, true, titleSize));
            } else if (e instanceof SheetElement.Banner b) {
                rows.add(banner(b.text()));
            } else if (e instanceof SheetElement.Text t) {
                rows.add(text(t.text(), t.align(), t.bold(), size));
            } else if (e instanceof SheetElement.Field f) {
                rows.add(field(f));
            } else if (e instanceof SheetElement.Rule) {
                rows.add(rule());
            } else if (e instanceof SheetElement.Table t) {
                table(t, rows);
            } else if (e instanceof SheetElement.Signature s) {
                rows.add(signature(s.label()));
            }
        }
        return rows;
    }

    private float lineHeight(float s) {
        return s * LINE;
    }

    private float baseline(int line, float s) {
        return line * lineHeight(s) + s * (LINE - 1) / 2 + s * 0.88f;
    }

    private Row text(String text, Align align, boolean bold, float s) {
        Row row = new Row();
        List<String> lines = wrap(text, width, bold, s);
        for (int i = 0; i < lines.size(); i++) {
            row.spans.add(new Row.Span(lines.get(i), x(align, 0, width, fonts.width(lines.get(i), s, bold)), baseline(i, s), s, bold));
        }
        row.height = lines.size() * lineHeight(s);
        return row;
    }

    private Row banner(String text) {
        float pad = size * 0.5f;
        float top = size * 0.2f;
        Row row = new Row();
        List<String> lines = wrap(text, width - 2 * pad, true, size);
        for (int i = 0; i < lines.size(); i++) {
            row.spans.add(new Row.Span(lines.get(i), x(Align.CENTER, 0, width, fonts.width(lines.get(i), size, true)),
                    top + pad + baseline(i, size), size, true));
        }
        float boxHeight = lines.size() * lineHeight(size) + 2 * pad;
        row.boxes.add(new Row.Box(0, top, width, boxHeight));
        row.height = boxHeight + 2 * top;
        return row;
    }

    private Row field(SheetElement.Field f) {
        float labelWidth = fonts.width(f.label(), size, f.bold());
        float valueWidth = fonts.width(f.value(), size, f.bold());
        float gap = size;
        Row row = new Row();
        if (labelWidth + gap + valueWidth <= width) {
            row.spans.add(new Row.Span(f.label(), 0, baseline(0, size), size, f.bold()));
            row.spans.add(new Row.Span(f.value(), width - valueWidth, baseline(0, size), size, f.bold()));
            row.height = lineHeight(size);
            return row;
        }
        // Too long for one line: label, then the value right-aligned below it.
        int line = 0;
        for (String l : wrap(f.label(), width, f.bold(), size)) {
            row.spans.add(new Row.Span(l, 0, baseline(line++, size), size, f.bold()));
        }
        for (String v : wrap(f.value(), width, f.bold(), size)) {
            row.spans.add(new Row.Span(v, width - fonts.width(v, size, f.bold()), baseline(line++, size), size, f.bold()));
        }
        row.height = line * lineHeight(size);
        return row;
    }

    private Row rule() {
        Row row = new Row();
        row.height = lineHeight(size) * 0.6f;
        row.strokes.add(new Row.Stroke(0, row.height / 2, width, row.height / 2, true));
        return row;
    }

    private void table(SheetElement.Table t, List<Row> rows) {
        int total = t.columns().stream().mapToInt(SheetElement.Column::weight).sum();
        float[] colX = new float[t.columns().size()];
        float[] colW = new float[t.columns().size()];
        float x = 0;
        for (int i = 0; i < colW.length; i++) {
            colX[i] = x;
            colW[i] = width * t.columns().get(i).weight() / total;
            x += colW[i];
        }
        List<String> headers = t.columns().stream().map(SheetElement.Column::header).toList();
        Row head = tableRow(t, headers, colX, colW, true);
        head.strokes.add(new Row.Stroke(0, head.height, width, head.height, false));
        rows.add(head);
        for (List<String> cells : t.rows()) {
            rows.add(tableRow(t, cells, colX, colW, false));
        }
    }

    private Row tableRow(SheetElement.Table t, List<String> cells, float[] colX, float[] colW, boolean bold) {
        float pad = size * 0.25f;
        Row row = new Row();
        int maxLines = 1;
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = wrap(cells.get(c), colW[c] - 2 * pad, bold, size);
            maxLines = Math.max(maxLines, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                float w = fonts.width(lines.get(i), size, bold);
                row.spans.add(new Row.Span(lines.get(i), x(t.columns().get(c).align(), colX[c] + pad, colW[c] - 2 * pad, w),
                        baseline(i, size), size, bold));
            }
        }
        row.height = maxLines * lineHeight(size);
        return row;
    }

    private Row signature(String label) {
        Row row = new Row();
        float top = lineHeight(size) * 1.2f;
        float base = top + baseline(0, size);
        row.spans.add(new Row.Span(label, 0, base, size, false));
        float start = fonts.width(label, size, false) + size;
        row.strokes.add(new Row.Stroke(Math.min(start, width * 0.6f), base + size * 0.2f, width, base + size * 0.2f, false));
        row.height = top + lineHeight(size);
        return row;
    }

    private static float x(Align align, float left, float available, float textWidth) {
        return switch (align) {
            case LEFT -> left;
            case CENTER -> left + Math.max(0, (available - textWidth) / 2);
            case RIGHT -> left + Math.max(0, available - textWidth);
        };
    }

    /** Greedy wrapping ({@link LineWrap}) with the font's advances at size {@code s}. */
    List<String> wrap(String text, float available, boolean bold, float s) {
        return LineWrap.wrap(text, cp -> fonts.advance(cp, bold) * s / 1000f, available);
    }
}
