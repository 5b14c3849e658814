package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.e2e.PcscdRig;

/**
 * Issue 16 in the desktop app under Xvfb: cards through a real pcscd + vpcd; pcscd is killed — the status bar shows
 * the reader at fault with the plain reason — and started again: the reader and PSAM turn OK by themselves and the
 * card presented again is read on the counter, all in this one JVM.
 */
@ExtendWith(XvfbDisplay.class)
class ReaderRecoveryGuiIT {

    @TempDir
    Path dir;

    private GuiApp gui;
    private PcscdRig rig;

    @BeforeAll
    static void edtChecks() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterEach
    void close() throws Exception {
        if (gui != null) {
            gui.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private String tooltip(String name) {
        return GuiActionRunner.execute(() -> gui.window.label(name).target().getToolTipText());
    }

    @Test
    void pcscdKilledAndStarted_statusBarSaysSo_thenTheCardIsReadAgain_noRestart() throws Exception {
        rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK);
        rig.present("normal-3des");
        gui = GuiApp.start(dir.resolve("terminal"), "en", TrainingTerminals.CLOCK,
                Map.of("reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER));
        gui.signIn("cashier", "11111111");
        GuiApp.waitFor("card read through pcscd", () -> gui.window.label("counter.name").target().getText().equals("张伟"));
        GuiApp.waitFor("reader OK", () -> gui.window.label("status.reader").target().getText().equals("Reader: OK"));

        rig.killPcscd();
        GuiApp.waitFor("reader at fault", () -> gui.window.label("status.reader").target().getText().equals("Reader: NOT CONNECTED"));
        assertEquals("Card reader not connected \u2014 card service stopped \u2014 reconnecting\u2026", tooltip("status.reader"));
        gui.screenshot(GuiApp.screenshotDir(), "it-reader-service-stopped-en.png");

        rig.startPcscd();
        GuiApp.waitFor("reader back", () -> gui.window.label("status.reader").target().getText().equals("Reader: OK"));
        GuiApp.waitFor("PSAM back", () -> gui.window.label("status.psam").target().getText().equals("PSAM: OK"));
        rig.present("normal-sm4");
        GuiApp.waitFor("the next card read", () -> gui.window.label("counter.name").target().getText().equals("王秀英"));
        GuiApp.waitFor("status says card in", () -> gui.window.label("status.card").target().getText().equals("Card: Card in"));
    }
}
