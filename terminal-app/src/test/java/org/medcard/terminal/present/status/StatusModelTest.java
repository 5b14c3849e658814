package org.medcard.terminal.present.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.medcard.queue.QueueSummary;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.status.TerminalState;
import org.medcard.terminal.text.Texts;

/** The status bar's words and lights; colour never alone. Inline executors. */
class StatusModelTest {

    private final List<StatusSnapshot> shown = new ArrayList<>();

    private StatusModel model(TerminalState state, QueueSummary queue, Locale locale) {
        return new StatusModel(() -> state, () -> queue, Runnable::run, Runnable::run, shown::add,
                Texts.of(StatusModel.BUNDLE, locale));
    }

    private static QueueSummary queue(long debits, long fen, Duration oldest, long pending, long entries, boolean blocked) {
        return new QueueSummary(debits, fen, oldest, pending, 0, 0, entries, 0, blocked, false);
    }

    private static final TerminalState ALL_OK = new TerminalState(PartState.ok("sim reader"), PartState.ok("PSAM 000000123456"),
            PartState.none("no card"), PartState.ok("signed in"), true);

    @Test
    void everyPartHasALightAndAWord_andTheReasonAsDetail() {
        model(ALL_OK, queue(0, 0, Duration.ZERO, 0, 0, false), Locale.ENGLISH).refresh();

        StatusSnapshot s = shown.get(0);
        assertEquals(new PartLine("Reader", Light.GREEN, "OK", "sim reader"), s.reader());
        assertEquals(new PartLine("PSAM", Light.GREEN, "OK", "PSAM 000000123456"), s.psam());
        assertEquals(new PartLine("Card", Light.AMBER, "No card", "no card"), s.card());
        assertEquals(new PartLine("Center", Light.GREEN, "OK", "signed in"), s.center());
        assertEquals("Queue: empty", s.queue().text());
        assertEquals(Light.GREEN, s.queue().light());
        assertTrue(s.trainingMode());
    }

    @Test
    void aFault_isRedWithTheWordFault() {
        TerminalState t = new TerminalState(PartState.fault("reader unplugged"), PartState.ok("p"), PartState.fault("card mute"),
                PartState.fault("center unreachable: timeout"), false);
        model(t, queue(0, 0, Duration.ZERO, 0, 0, false), Locale.ENGLISH).refresh();

        StatusSnapshot s = shown.get(0);
        assertEquals(Light.RED, s.reader().light());
        assertEquals("NOT CONNECTED", s.reader().word());
        assertEquals("UNREADABLE", s.card().word());
        assertEquals("UNREACHABLE", s.center().word());
        assertEquals("Insurance center not reachable \u2014 center unreachable: timeout", s.center().detail());
        assertFalse(s.trainingMode());
    }

    @Test
    void R11_aFault_isNamedInTheLanguageOfTheUi_neverWaitingOrTheBareWordFault() {
        TerminalState t = new TerminalState(PartState.fault("serial /dev/ttyUSB9: serial port is not there"),
                PartState.fault("PSAM unusable: no answer"), PartState.fault("card mute"), PartState.fault("timeout"), false);
        model(t, queue(0, 0, Duration.ZERO, 0, 0, false), Locale.SIMPLIFIED_CHINESE).refresh();

        StatusSnapshot s = shown.get(0);
        assertEquals(new PartLine("读卡器", Light.RED, "未连接", "读卡器未连接 \u2014 serial /dev/ttyUSB9: serial port is not there"),
                s.reader());
        assertEquals("不可用", s.psam().word());
        assertTrue(s.psam().detail().startsWith("安全模块（PSAM）故障"), s.psam().detail());
        assertEquals("无法读卡", s.card().word());
        assertEquals("无法连接", s.center().word());
        assertTrue(s.center().detail().startsWith("无法连接医保中心"), s.center().detail());
    }

    @Test
    void queuedRecords_showCountAmountAndOldestAge_inBothLanguages() {
        QueueSummary q = queue(3, 4_580, Duration.ofMinutes(185), 1, 2, false);
        model(ALL_OK, q, Locale.ENGLISH).refresh();
        model(ALL_OK, q, Locale.SIMPLIFIED_CHINESE).refresh();

        QueueLine en = shown.get(0).queue();
        assertEquals(4, en.records());
        assertEquals(4_580, en.amountFen());
        assertEquals(Light.AMBER, en.light());
        assertEquals("Queue: 4 waiting, ¥45.80, oldest 3 h 05 min · 2 open re-settlement entries", en.text());
        assertEquals("队列：4 条待上传，¥45.80，最早 3 小时 05 分 · 2 条待重新结算记录", shown.get(1).queue().text());
    }

    @Test
    void blockedForwarding_isRed() {
        model(ALL_OK, queue(1, 100, Duration.ofSeconds(30), 0, 0, true), Locale.ENGLISH).refresh();
        assertEquals(Light.RED, shown.get(0).queue().light());
        assertTrue(shown.get(0).queue().text().contains("STOPPED"), shown.get(0).queue().text());
    }

    @Test
    void ages_readAtAGlance() {
        StatusModel m = model(ALL_OK, queue(0, 0, Duration.ZERO, 0, 0, false), Locale.ENGLISH);
        assertEquals("45 s", m.age(Duration.ofSeconds(45)));
        assertEquals("12 min", m.age(Duration.ofMinutes(12)));
        assertEquals("2 d 4 h", m.age(Duration.ofHours(52)));
    }
}
