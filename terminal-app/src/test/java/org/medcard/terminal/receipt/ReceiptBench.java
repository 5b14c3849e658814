package org.medcard.terminal.receipt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.medcard.terminal.receipt.escpos.EscPosWriter;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.receipt.pdf.PaperFormat;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;

/**
 * Bench (a main, not a timed test): how long the first receipt of a process takes — class loading and font
 * parsing included — and each later one. Run:
 * {@code mvn -q -pl terminal-app -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=org.medcard.terminal.receipt.ReceiptBench -Dexec.args=200} (add {@code -Dexec.args="200 warm"} to call {@code warmUp()} first)
 */
public final class ReceiptBench {

    private ReceiptBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean warm = args.length > 1 && args[1].equals("warm");
        List<ReceiptDocument> bmpOnly = List.of(withBmpName());
        try (FontCache fonts = FontCache.system(null)) {
            PdfReceiptRenderer renderer = new PdfReceiptRenderer(fonts);
            long t = System.nanoTime();
            if (warm) {
                renderer.warmUp();
                report("warmUp() at start-up (JVM cold)", System.nanoTime() - t, 0);
                t = System.nanoTime();
            }
            byte[] first = renderer.render(bmpOnly.get(0), PaperFormat.ROLL_80MM);
            report(warm ? "first receipt after warmUp()" : "first receipt in the process (80 mm, JVM cold, main font parsed)", System.nanoTime() - t, first.length);
            t = System.nanoTime();
            byte[] rare = renderer.render(SampleDocuments.sale(false), PaperFormat.ROLL_80MM);
            report("first receipt with a name beyond the BMP (supplementary font parsed)", System.nanoTime() - t, rare.length);
            System.out.println("main font: " + fonts.describe() + "; font files parsed: " + fonts.parses());
            // The second and third receipts: what the next patient at the counter waits for, JIT still cold.
            for (int i = 2; i <= 3; i++) {
                t = System.nanoTime();
                renderer.render(bmpOnly.get(0), PaperFormat.ROLL_80MM);
                report("receipt #" + i + " (80 mm)", System.nanoTime() - t, 0);
            }
            for (int i = 0; i < n; i++) {
                renderer.render(SampleDocuments.all(false).get(i % 7), PaperFormat.values()[i % 2]);
            }
            System.out.println("-- after a warm-up of " + n + " documents --");
            for (PaperFormat paper : PaperFormat.values()) {
                measure(renderer, paper, "sale receipt, BMP name", bmpOnly, n);
                measure(renderer, paper, "sale receipt, name with U+20BB7 (two fonts embedded)", List.of(SampleDocuments.sale(false)), n);
                measure(renderer, paper, "the 7 documents in turn", SampleDocuments.all(false), n);
            }
        }
        try (FontCache fresh = FontCache.system(null)) {
            PdfReceiptRenderer renderer = new PdfReceiptRenderer(fresh);
            long t = System.nanoTime();
            renderer.render(bmpOnly.get(0), PaperFormat.ROLL_80MM);
            report("first receipt with a new FontCache in a warm JVM (= the font parse a cache saves)", System.nanoTime() - t, 0);
        }
        System.out.println("(for a process that calls PdfReceiptRenderer.warmUp() at start-up, run with the argument 'warm')");
        EscPosWriter writer = new EscPosWriter(EscPosWriter.COLUMNS_80MM, false);
        long[] esc = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            writer.write(SampleDocuments.sale(false), true);
            esc[i] = System.nanoTime() - t;
        }
        summary("ESC/POS bytes of a sale receipt", esc);
    }

    private static void measure(PdfReceiptRenderer renderer, PaperFormat paper, String what, List<ReceiptDocument> docs, int n) {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            ReceiptDocument d = docs.get(i % docs.size());
            long t = System.nanoTime();
            renderer.render(d, paper);
            times[i] = System.nanoTime() - t;
        }
        summary("later: " + what + " (" + paper + ")", times);
    }

    private static ReceiptDocument withBmpName() {
        SaleReceipt s = SampleDocuments.sale(false);
        return new SaleReceipt(s.header(), new Insured("王小明", SampleDocuments.ID_NUMBER, SampleDocuments.CARD_NUMBER),
                null, s.items(), s.split(), s.setlId(), s.proof(), false);
    }

    private static void report(String what, long nanos, int bytes) {
        System.out.printf(Locale.ROOT, "%-90s %8.1f ms%s%n", what, nanos / 1e6, bytes > 0 ? "  (" + bytes + " bytes)" : "");
    }

    private static void summary(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-90s n=%d  median %.2f ms, p95 %.2f ms, max %.1f ms%n", what, nanos.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
