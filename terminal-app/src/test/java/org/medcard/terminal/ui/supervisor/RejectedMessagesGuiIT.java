package org.medcard.terminal.ui.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Map;

import javax.swing.JList;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.RejectedMessage;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.present.rejected.RejectedRow;
import org.medcard.terminal.ui.XvfbDisplay;
import org.medcard.terminal.ui.queue.DesktopRig;

/**
 * Issue 14 in the desktop app under Xvfb, keyboard only: two settlements the center rejected — one after the card
 * debit (the terminal reversed it on its own, shown in green), one without (red: a supervisor must act). The
 * supervisor opens the Rejected screen, the one that needs someone is chosen, types a note and presses F7: it is
 * marked handled under the supervisor's name, audited, and the headline turns green.
 */
@ExtendWith(XvfbDisplay.class)
class RejectedMessagesGuiIT {
    private static final String CARD = "10000000000000000007";

    @TempDir
    Path dir;
    private TerminalConfig config;
    private String waiting;

    @BeforeEach
    void twoRejectedSettlements() {
        DesktopRig.needDisplay();
        config = TrainingTerminals.config(dir, Map.of("language", "en"));
        HostCodec codec = new HostCodec();
        try (Terminal t = new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(true, false, "T01"))) {
            PurseRecord purse = new PurseRecord(CARD, 12, 486, 6, "0000000000A1", 5, "2026-11-23 10:15:00", "0A0B0C0D");
            OutboxMessage paid = t.queue().queue(codec.encode(new HostRequest.Settle2102("PRE1", 486, 514, purse)), CARD);
            OutboxMessage unpaid = t.queue().queue(codec.encode(new HostRequest.Settle2102("PRE2", 0, 1_000, null)), CARD);
            reject(t, paid);
            waiting = reject(t, unpaid);
        }
    }

    private static String reject(Terminal t, OutboxMessage m) {
        t.queue().claim(m.msgid()).orElseThrow();
        t.queue().recordRefused(m.msgid(), 2005, "settlement rejected by the center (card " + CARD + ")");
        return m.msgid();
    }

    @Test
    void theSupervisorSeesWhatWasDone_choosesTheOneThatNeedsSomeone_notesIt_andMarksItHandledWithF7() {
        try (DesktopRig rig = DesktopRig.open(new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(true, false, "T01")))) {
            rig.signIn("supervisor", "22222222");
            rig.show("rejected");
            rig.waitForLabel("rejected.headline", () -> "the list", t -> t.contains("2 message(s) rejected by the center; 1 need a supervisor"));
            JList<?> list = (JList<?>) rig.window().list("rejected.list").target();
            RejectedRow chosen = GuiActionRunner.execute(() -> (RejectedRow) list.getSelectedValue());
            assertEquals(waiting, chosen.msgid(), "the one that needs someone is chosen");
            assertTrue(chosen.canResend() && chosen.canReverse());
            RejectedRow reversed = GuiActionRunner.execute(() -> (RejectedRow) list.getModel().getElementAt(0));
            assertTrue(reversed.resolution().startsWith("Reversal (2601) queued by terminal"), reversed.resolution());
            assertFalse(reversed.line().contains(CARD) || reversed.reason().contains(CARD), "card numbers masked: " + reversed);
            rig.screenshot("rejected-open-en");

            rig.window().textBox("rejected.note").enterText("patient paid the rest in cash; center told by phone");
            rig.window().textBox("rejected.note").pressAndReleaseKeys(KeyEvent.VK_F7);
            rig.waitForLabel("rejected.headline", () -> "handled", t -> t.contains("each has been dealt with"));
            assertEquals("Message " + waiting + " marked handled.", rig.text("rejected.message"));
            assertEquals(RejectedMessage.Resolution.HANDLED, rig.terminal().queue().rejectedMessage(waiting).orElseThrow().resolution());
            assertTrue(rig.terminal().audit().latest(10).stream().anyMatch(e -> e.action().equals("REJECTED_HANDLED")
                    && e.operator().equals("supervisor") && e.detail().contains("center told by phone")));
            assertEquals(0, rig.terminal().queue().summary().rejectedMessages());
            rig.screenshot("rejected-handled-en");
        }
    }
}
