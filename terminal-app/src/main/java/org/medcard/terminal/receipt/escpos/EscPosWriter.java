package org.medcard.terminal.receipt.escpos;

import org.medcard.terminal.receipt.sheet.LineWrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;

/**
 * Produces ESC/POS bytes from a sheet: the same content as the PDF, laid out in fixed character columns.
 *
 * <p>Text is GB18030. A hanzi takes two columns, ASCII one. Control characters in the data become spaces, so a
 * name or item text can never smuggle printer commands in. Characters that need GB18030's four-byte form (CJK
 * Extension B and later, e.g. 𠮷) are replaced by □ unless the printer is known to have them: most thermal
 * printers' fonts stop at GBK.
 *
 * <p>Stateless and immutable: any thread may use one.
 */
public final class EscPosWriter {

    /** 80 mm paper, font A (12 × 24 dots): 48 columns. */
    public static final int COLUMNS_80MM = 48;
    /** 58 mm paper, font A: 32 columns. */
    public static final int COLUMNS_58MM = 32;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int BOX = 0x25A1;

    private final int columns;
    private final boolean fourByteGlyphs;

    /**
     * @param columns characters per line in font A ({@link #COLUMNS_80MM}, {@link #COLUMNS_58MM})
     * @param fourByteGlyphs the printer's font has GB18030 four-byte characters (beyond the BMP)
     */
    public EscPosWriter(int columns, boolean fourByteGlyphs) {
        if (columns < 24) {
            throw new IllegalArgumentException("at least 24 columns are needed, got " + columns);
        }
        this.columns = columns;
        this.fourByteGlyphs = fourByteGlyphs;
    }

    public byte[] write(ReceiptDocument document, boolean openDrawer) {
        return write(document.toSheet(), openDrawer);
    }

    /**
     * The whole job: initialise, Chinese mode, the sheet, optionally the drawer kick, cut.
     *
     * @param openDrawer open the cash drawer (documents where cash changes hands)
     */
    public byte[] write(Sheet sheet, boolean openDrawer) {
        Out out = new Out();
        out.raw(EscPos.INIT).raw(EscPos.CHINESE_MODE);
        for (SheetElement e : sheet.elements()) {
            element(out, e);
        }
        out.raw(EscPos.ALIGN_LEFT);
        if (openDrawer) {
            out.raw(EscPos.DRAWER_KICK);
        }
        out.raw(EscPos.CUT);
        return out.bytes();
    }

    private void element(Out out, SheetElement e) {
        if (e instanceof SheetElement.Title t) {
            out.raw(EscPos.ALIGN_CENTER).raw(EscPos.BOLD_ON).raw(EscPos.SIZE_DOUBLE);
            wrap(t.text(), columns / 2).forEach(out::line);
            out.raw(EscPos.SIZE_NORMAL).raw(EscPos.BOLD_OFF);
        } else if (e instanceof SheetElement.Banner b) {
            out.raw(EscPos.ALIGN_LEFT).line("=".repeat(columns)).raw(EscPos.ALIGN_CENTER).raw(EscPos.BOLD_ON);
            wrap(b.text(), columns).forEach(out::line);
            out.raw(EscPos.BOLD_OFF).raw(EscPos.ALIGN_LEFT).line("=".repeat(columns));
        } else if (e instanceof SheetElement.Text t) {
            out.raw(align(t.align())).raw(t.bold() ? EscPos.BOLD_ON : EscPos.BOLD_OFF);
            wrap(t.text(), columns).forEach(out::line);
            out.raw(EscPos.BOLD_OFF);
        } else if (e instanceof SheetElement.Field f) {
            out.raw(EscPos.ALIGN_LEFT).raw(f.bold() ? EscPos.BOLD_ON : EscPos.BOLD_OFF);
            field(f.label(), f.value()).forEach(out::line);
            out.raw(EscPos.BOLD_OFF);
        } else if (e instanceof SheetElement.Rule) {
            out.raw(EscPos.ALIGN_LEFT).line("-".repeat(columns));
        } else if (e instanceof SheetElement.Table t) {
            table(out, t);
        } else if (e instanceof SheetElement.Signature s) {
            out.raw(EscPos.ALIGN_LEFT).line("");
            String label = clean(s.label()) + ": ";
            int w = width(label);
            if (w > columns - 8) {
                out.line(label);
                out.line("_".repeat(columns));
            } else {
                out.line(label + "_".repeat(columns - w));
            }
        }
    }

    private static byte[] align(Align a) {
        return switch (a) {
            case LEFT -> EscPos.ALIGN_LEFT;
            case CENTER -> EscPos.ALIGN_CENTER;
            case RIGHT -> EscPos.ALIGN_RIGHT;
        };
    }

    /** Label left, value right; the value on its own right-aligned line(s) when both do not fit. */
    List<String> field(String label, String value) {
        String l = clean(label);
        String v = clean(value);
        List<String> lines = new ArrayList<>();
        if (width(l) + 1 + width(v) <= columns) {
            lines.add(l + " ".repeat(columns - width(l) - width(v)) + v);
            return lines;
        }
        lines.addAll(wrap(l, columns));
        for (String part : wrap(v, columns)) {
            lines.add(pad(part, columns, Align.RIGHT));
        }
        return lines;
    }

    private void table(Out out, SheetElement.Table t) {
        int[] widths = columnWidths(t);
        out.raw(EscPos.ALIGN_LEFT).raw(EscPos.BOLD_ON);
        tableRow(out, t, t.columns().stream().map(SheetElement.Column::header).toList(), widths);
        out.raw(EscPos.BOLD_OFF).line("-".repeat(columns));
        for (List<String> row : t.rows()) {
            tableRow(out, t, row, widths);
        }
    }

    /**
     * Column widths in characters: each column first gets its longest word (so an ID number or a date is not
     * broken) plus a gap, the rest goes by weight; when the words alone do not fit, widths go by weight only.
     */
    int[] columnWidths(SheetElement.Table t) {
        int n = t.columns().size();
        int total = t.columns().stream().mapToInt(SheetElement.Column::weight).sum();
        int[] natural = new int[n];
        for (int c = 0; c < n; c++) {
            natural[c] = longestWord(t.columns().get(c).header());
            for (List<String> row : t.rows()) {
                natural[c] = Math.max(natural[c], longestWord(row.get(c)));
            }
            natural[c] += 1;
        }
        int needed = Arrays.stream(natural).sum();
        int[] widths = new int[n];
        int used = 0;
        for (int c = 0; c < n; c++) {
            int byWeight = columns * t.columns().get(c).weight() / total;
            widths[c] = needed <= columns ? natural[c] + (columns - needed) * t.columns().get(c).weight() / total : byWeight;
            used += widths[c];
        }
        widths[0] += columns - used;
        return widths;
    }

    private int longestWord(String text) {
        int longest = 0;
        for (String word : clean(text).split(" ")) {
            longest = Math.max(longest, width(word));
        }
        return longest;
    }

    private void tableRow(Out out, SheetElement.Table t, List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            // One column of each cell is the gap to its neighbour.
            List<String> w = wrap(clean(cells.get(c)), Math.max(2, widths[c] - 1));
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        for (int i = 0; i < lines; i++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String part = i < wrapped.get(c).size() ? wrapped.get(c).get(i) : "";
                // The gap between columns is the first character of every column but the first.
                Align a = t.columns().get(c).align();
                sb.append(c == 0 ? pad(part, widths[c], a) : " " + pad(part, widths[c] - 1, a));
            }
            out.line(sb.toString().stripTrailing());
        }
    }

    /** Printed width in columns: hanzi (and anything non-ASCII) two, ASCII one. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += cp < 0x80 ? 1 : 2;
        }
        return w;
    }

    private static String pad(String s, int width, Align align) {
        int space = Math.max(0, width - width(s));
        return switch (align) {
            case LEFT -> s + " ".repeat(space);
            case RIGHT -> " ".repeat(space) + s;
            case CENTER -> " ".repeat(space / 2) + s + " ".repeat(space - space / 2);
        };
    }

    /** Control characters out; four-byte characters boxed unless the printer has them. */
    String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                sb.append(' ');
            } else if (Character.isSupplementaryCodePoint(cp) && !fourByteGlyphs) {
                sb.appendCodePoint(BOX);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Wraps at the last space of a line when there is one, else between characters (hanzi take two columns). */
    List<String> wrap(String text, int width) {
        return LineWrap.wrap(clean(text), cp -> cp < 0x80 ? 1 : 2, width);
    }

    /** Collects commands and GB18030 text lines. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);

        Out raw(byte[] command) {
            bytes.writeBytes(command);
            return this;
        }

        Out line(String text) {
            bytes.writeBytes(text.getBytes(GB18030));
            bytes.write(EscPos.LF);
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
