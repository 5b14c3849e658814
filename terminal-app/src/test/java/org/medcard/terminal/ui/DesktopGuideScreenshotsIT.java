package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JTable;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medcard.terminal.CjkFonts;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.ui.counter.CounterScreen;
import org.medcard.terminal.ui.queue.DesktopRig;
import org.medcard.terminal.ui.supervisor.SupervisorScreen;

/**
 * The pictures of the desktop guide (docs/desktop-screens.md, issue 15): every screen — sign-in, counter,
 * registration desk, queue, rejected messages, reprint, and the supervisor's void, day close (closed, with its
 * report), operators, settings and tamper findings — in both languages and both themes, from the running app on a
 * HOSPITAL training terminal at 1366×768. Written as {@code guide-<screen>-<zh|en>-<light|dark>.png} into
 * {@code -Dmedcard.guideDir=DIR} (docs/images); without that property the test is skipped (it is a generator, not
 * a check). The PNGs are written with a 256-colour palette (the screens have few colours) so the 44 stay small.
 */
@ExtendWith(XvfbDisplay.class)
class DesktopGuideScreenshotsIT {

    /** The window size of the guide's pictures. */
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;
    /** Per picture; 44 of them stay well under 8 MB. */
    static final long MAX_BYTES = 180_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"zh_CN, light", "zh_CN, dark", "en, light", "en, dark"})
    void everyScreen(String language, String theme) throws Exception {
        String out = System.getProperty("medcard.guideDir", "");
        Assumptions.assumeFalse(out.isBlank(), "the guide's pictures are made with -Dmedcard.guideDir=DIR (docs/desktop-screens.md)");
        DesktopRig.needDisplay();
        CjkFonts.needForScreen("挂号收费结算"); // Chinese on both languages' pictures (names, catalog, departments)
        Path images = Path.of(out);
        String suffix = (language.startsWith("zh") ? "zh" : "en") + "-" + theme;

        TerminalConfig config = TrainingTerminals.config(dir, Map.of("institution.kind", "HOSPITAL", "language", language));
        try (Terminal t = open(config)) { // one sale of today: the reprint list, the void list and the day close show it
            t.devices().training().orElseThrow().present("normal-3des");
            SaleView o = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:3")),
                    () -> "123456".toCharArray(), "cashier").withRequestedAccount(1_001)));
            assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
            t.receipts().issue(o.receiptDocument().orElseThrow());
        }

        try (DesktopRig rig = DesktopRig.open(open(config), theme.equals("dark"))) {
            fit(rig);
            DesktopRig.waitFor(() -> !rig.label("status.center").isBlank(), "the status bar filled");
            shoot(rig, images, "signin", suffix);

            rig.signIn("supervisor", "22222222");
            rig.terminal().devices().training().orElseThrow().present("normal-3des");
            show(rig, "registration");
            Thread.sleep(1_500); // the card read at the desk, where it shows one
            shoot(rig, images, "registration", suffix);

            show(rig, "counter");
            DesktopRig.waitFor(() -> !rig.label("counter.name").isBlank(), "the card read at the counter");
            CounterScreen counter = (CounterScreen) screen(rig, "counter");
            GuiActionRunner.execute(() -> {
                counter.model().scan("XA10BAD003");
                counter.model().scan("XC10AAA017");
            });
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().table("counter.lines").target().getRowCount()) == 2,
                    "two items in the cart");
            shoot(rig, images, "counter", suffix);

            show(rig, "queue");
            Thread.sleep(800);
            shoot(rig, images, "queue", suffix);
            show(rig, "rejected");
            Thread.sleep(800);
            shoot(rig, images, "rejected", suffix);
            show(rig, "reprint");
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().table("reprint.table").target().getRowCount()) >= 1,
                    "today's receipts listed");
            shoot(rig, images, "reprint", suffix);

            show(rig, "supervisor");
            SupervisorScreen supervisor = (SupervisorScreen) screen(rig, "supervisor");
            GuiActionRunner.execute(() -> supervisor.showTab(0));
            shoot(rig, images, "void", suffix);
            GuiActionRunner.execute(() -> supervisor.showTab(1));
            GuiActionRunner.execute(() -> rig.window().button("dayclose.go").target().doClick());
            DesktopRig.waitFor(() -> !rig.text("dayclose.report").isBlank(), "the day-close report on screen");
            shoot(rig, images, "dayclose", suffix);
            GuiActionRunner.execute(() -> supervisor.showTab(2));
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().table("operators.table").target().getRowCount()) > 0,
                    "the operators");
            shoot(rig, images, "operators", suffix);
            GuiActionRunner.execute(() -> supervisor.showTab(3));
            Thread.sleep(800);
            shoot(rig, images, "settings", suffix);
            GuiActionRunner.execute(() -> supervisor.showTab(4));
            Thread.sleep(800);
            shoot(rig, images, "tamper", suffix);
        }
    }

    private static Terminal open(TerminalConfig config) {
        return new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
    }

    /** The window at exactly 1366×768, whatever the display's size (the pictures are painted, not grabbed). */
    private static void fit(DesktopRig rig) {
        GuiActionRunner.execute(() -> {
            JFrame f = rig.shell().frame();
            f.setExtendedState(JFrame.NORMAL);
            f.setBounds(0, 0, WIDTH, HEIGHT);
            f.validate();
        });
    }

    private static org.medcard.terminal.ui.shell.Screen screen(DesktopRig rig, String id) {
        return GuiActionRunner.execute(() -> rig.shell().screens().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow());
    }

    private static void show(DesktopRig rig, String id) {
        GuiActionRunner.execute(() -> rig.shell().show(id));
        DesktopRig.waitFor(() -> rig.shell().current().map(s -> s.id().equals(id)).orElse(false), "screen " + id);
    }

    /** Paints the window into {@code guide-<name>-<suffix>.png} with a palette; checks its size. */
    private static void shoot(DesktopRig rig, Path images, String name, String suffix) throws Exception {
        rig.window().robot().waitForIdle();
        Thread.sleep(300); // a status refresh or a late answer lands first
        rig.window().robot().waitForIdle();
        BufferedImage img = GuiActionRunner.execute(() -> {
            JFrame f = rig.shell().frame();
            f.validate();
            BufferedImage i = new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = i.createGraphics();
            f.getRootPane().paint(g);
            g.dispose();
            return i;
        });
        assertEquals(WIDTH, img.getWidth());
        assertEquals(HEIGHT, img.getHeight());
        Files.createDirectories(images);
        Path file = images.resolve("guide-" + name + "-" + suffix + ".png");
        ImageIO.write(palette(img), "png", file.toFile());
        long size = Files.size(file);
        assertTrue(size > 5_000 && size < MAX_BYTES, file + ": " + size + " bytes");
    }

    /**
     * The image with the 256 most frequent colours, every other pixel taken to its nearest one: a UI has few
     * colours (the anti-aliased edges of text are the rest), and an 8-bit PNG is a third of a 24-bit one.
     */
    static BufferedImage palette(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : px) {
            counts.merge(p & 0xFFFFFF, 1, Integer::sum);
        }
        List<Integer> colours = counts.entrySet().stream().sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(256).map(Map.Entry::getKey).toList();
        int n = colours.size();
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = colours.get(i);
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, n, r, g, b));
        WritableRaster raster = out.getRaster();
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int i = 0; i < n; i++) {
            nearest.put(colours.get(i), i);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = px[y * w + x] & 0xFFFFFF;
                raster.setSample(x, y, 0, nearest.computeIfAbsent(c, k -> closest(k, colours)));
            }
        }
        return out;
    }

    private static int closest(int c, List<Integer> colours) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < colours.size(); i++) {
            int p = colours.get(i);
            long dr = ((c >> 16) & 0xFF) - ((p >> 16) & 0xFF);
            long dg = ((c >> 8) & 0xFF) - ((p >> 8) & 0xFF);
            long db = (c & 0xFF) - (p & 0xFF);
            long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
