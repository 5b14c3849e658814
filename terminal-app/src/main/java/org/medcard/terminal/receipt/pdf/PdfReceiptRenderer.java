package org.medcard.terminal.receipt.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;
import org.medcard.terminal.receipt.sheet.SheetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders documents to PDF for 80 mm roll paper or A4, with the fonts of an injected {@link FontCache}.
 *
 * <p>Without a CJK font the document is still produced — in Helvetica, with non-Latin characters as '?' — and
 * it says so on its first line, and a WARN is logged, so a missing font is noticed rather than hidden.
 * Characters no font has (e.g. a rare name character without a supplementary font) print as a box.
 *
 * <p>Any thread may call; rendering is serialised on the font cache (fontbox fonts are not thread-safe).
 */
public final class PdfReceiptRenderer {
    /** Renders of the warm-up sheet: enough for the JIT to compile the layout and subsetting code. */
    private static final int WARM_UP_RENDERS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(PdfReceiptRenderer.class);
    /** PDF viewers refuse pages taller than 200 inches; a long roll document is split there. */
    private static final float MAX_PAGE_HEIGHT = 14_400f;
    static final String NO_FONT_WARNING = "WARNING: no Chinese (CJK) font found - non-Latin text is printed as '?'."
            + " Install fonts-wqy-microhei or set receipt.font.";

    private final FontCache fonts;

    public PdfReceiptRenderer(FontCache fonts) {
        this.fonts = fonts;
    }

    /**
     * Renders and discards a small Chinese sheet, so the first patient's receipt does not pay for class loading,
     * font parsing and a cold JIT (about a second on a counter PC). Call once at start-up, off the UI thread. The
     * sheet holds a character beyond the BMP, so the supplementary font (if any) is parsed now too.
     */
    public void warmUp() {
        // Shaped like a sale receipt (title, fields, a table of items, rules) and rendered a few times, so the layout
        // and subsetting code is compiled too, not only loaded: the first real receipt then takes a later one's time.
        Sheet sheet = new Sheet("warm-up", "预热 warm-up", List.of(new SheetElement.Title("预热 warm-up \uD842\uDFB7"),
                new SheetElement.Field("收银员 Cashier", "张伟 0123456789", false),
                new SheetElement.Table(List.of(new SheetElement.Column("药品 Item", 3, Align.LEFT),
                        new SheetElement.Column("数量 Qty", 1, Align.RIGHT),
                        new SheetElement.Column("金额 Amount", 2, Align.RIGHT)),
                        List.of(List.of("阿莫西林胶囊 0.25g×24粒", "1", "12.50"), List.of("布洛芬缓释胶囊", "2", "31.00"))),
                new SheetElement.Rule(), new SheetElement.Field("合计 Total", "43.50", true), new SheetElement.Rule()));
        for (int i = 0; i < WARM_UP_RENDERS; i++) {
            render(sheet, PaperFormat.ROLL_80MM);
        }
    }

    /** The document as PDF bytes (already saved: print these, not an in-memory document — PDFBOX-4545). */
    public byte[] render(SheetSource document, PaperFormat paper) {
        return render(document.toSheet(), paper);
    }

    public byte[] render(Sheet sheet, PaperFormat paper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        render(sheet, paper, out);
        return out.toByteArray();
    }

    public void render(Sheet sheet, PaperFormat paper, OutputStream out) {
        synchronized (fonts.renderLock()) {
            try (PDDocument doc = new PDDocument()) {
                DocumentFonts docFonts = new DocumentFonts(doc, fonts);
                Sheet shown = sheet;
                if (docFonts.fallback()) {
                    LOG.warn("Rendering '{}' without a CJK font: non-Latin text becomes '?'", sheet.kind());
                    shown = sheet.withFirst(new SheetElement.Banner(NO_FONT_WARNING));
                }
                List<Row> rows = new SheetLayout(docFonts, paper).layout(shown);
                List<List<Row>> pages = paginate(rows, paper);
                for (int i = 0; i < pages.size(); i++) {
                    drawPage(doc, docFonts, paper, pages.get(i), i + 1, pages.size());
                }
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(sheet.title());
                info.setCreator("MedCard Terminal");
                if (!docFonts.replaced().isEmpty()) {
                    LOG.warn("'{}': no font has {} character(s) ({}); printed as replacements", sheet.kind(),
                            docFonts.replaced().size(), docFonts.replaced().stream().limit(8)
                                    .map(cp -> "U+" + Integer.toHexString(cp).toUpperCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ", "", docFonts.replaced().size() > 8 ? ", …" : "")));
                }
                doc.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException("rendering " + sheet.kind() + " to PDF", e);
            }
        }
    }

    private static List<List<Row>> paginate(List<Row> rows, PaperFormat paper) {
        float available = (paper.roll() ? MAX_PAGE_HEIGHT : paper.height() - footerHeight(paper)) - 2 * paper.margin();
        List<List<Row>> pages = new ArrayList<>();
        List<Row> page = new ArrayList<>();
        float used = 0;
        for (Row row : rows) {
            if (used + row.height > available && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(row);
            used += row.height;
        }
        pages.add(page);
        return pages;
    }

    private static float footerHeight(PaperFormat paper) {
        return paper.roll() ? 0 : paper.fontSize() * 2;
    }

    private static void drawPage(PDDocument doc, DocumentFonts fonts, PaperFormat paper, List<Row> rows, int number, int count)
            throws IOException {
        float content = rows.stream().map(r -> r.height).reduce(0f, Float::sum);
        float height = paper.roll() ? content + 2 * paper.margin() : paper.height();
        PDPage page = new PDPage(new PDRectangle(paper.width(), height));
        doc.addPage(page);
        float left = paper.margin();
        float top = height - paper.margin();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.setLineWidth(0.5f);
            for (Row row : rows) {
                draw(cs, fonts, row, left, top);
                top -= row.height;
            }
            if (!paper.roll()) {
                String footer = "第 " + number + "/" + count + " 页  Page " + number + "/" + count;
                float w = fonts.width(footer, paper.fontSize() * 0.8f, false);
                float x = paper.width() - paper.margin() - w;
                drawText(cs, fonts, new Row.Span(footer, 0, 0, paper.fontSize() * 0.8f, false), x, paper.margin() * 0.6f);
            }
        }
    }

    private static void draw(PDPageContentStream cs, DocumentFonts fonts, Row row, float left, float top) throws IOException {
        for (Row.Box box : row.boxes) {
            cs.addRect(left + box.x(), top - box.y() - box.height(), box.width(), box.height());
            cs.stroke();
        }
        for (Row.Stroke s : row.strokes) {
            cs.setLineDashPattern(s.dashed() ? new float[] {2f, 2f} : new float[0], 0);
            cs.moveTo(left + s.x1(), top - s.y1());
            cs.lineTo(left + s.x2(), top - s.y2());
            cs.stroke();
        }
        cs.setLineDashPattern(new float[0], 0);
        for (Row.Span span : row.spans) {
            drawText(cs, fonts, span, left + span.x(), top - span.baseline());
        }
    }

    private static void drawText(PDPageContentStream cs, DocumentFonts fonts, Row.Span span, float x, float y) throws IOException {
        if (span.text().isEmpty()) {
            return;
        }
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (DocumentFonts.Run run : fonts.runs(span.text(), span.bold())) {
            cs.setFont(run.font(), span.size());
            if (run.simulatedBold()) {
                // CJK fonts rarely ship a bold face: stroke the outline as well as filling it.
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setLineWidth(span.size() * 0.035f);
            } else {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.showText(run.text());
        }
        cs.endText();
        cs.setLineWidth(0.5f);
    }
}
