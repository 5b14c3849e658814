package org.medcard.terminal.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcard.queue.QueueSummary;
import org.medcard.terminal.present.status.StatusModel;
import org.medcard.terminal.present.status.StatusSnapshot;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.status.TerminalState;
import org.medcard.terminal.text.Texts;

/**
 * Issue 15: the status bar changes only on the event thread. A change from any other thread throws; a part change
 * reported on another thread (as the reader's watch and the center's watch do) reaches the bar through the model,
 * read on the status thread and drawn on the event thread. Needs no display (the bar is never shown).
 */
class StatusBarTest {

    private final ExecutorService statusThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "status-bar-test"));
    private final ExecutorService reporter = Executors.newSingleThreadExecutor(r -> new Thread(r, "reader-watch-test"));

    @AfterEach
    void stop() {
        statusThread.shutdownNow();
        reporter.shutdownNow();
    }

    private static final QueueSummary EMPTY = new QueueSummary(0, 0, Duration.ZERO, 0, 0, 0, 0, 0, false, false);

    private static TerminalState state(PartState reader) {
        return new TerminalState(reader, PartState.ok("PSAM 1"), PartState.none("no card"), PartState.ok("signed in"), true);
    }

    private static StatusSnapshot snapshot() {
        AtomicReference<StatusSnapshot> s = new AtomicReference<>();
        StatusModel m = new StatusModel(() -> state(PartState.ok("sim")), () -> EMPTY, Runnable::run, Runnable::run, s::set,
                Texts.of(StatusModel.BUNDLE, Locale.ENGLISH));
        m.refresh();
        return s.get();
    }

    @Test
    void aChangeOffTheEventThread_throws_andLeavesTheBarAsItWas() throws Exception {
        StatusBar bar = new StatusBar();
        StatusSnapshot s = snapshot();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bar.show(s));
        assertTrue(e.getMessage().contains("off the event thread"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> bar.progress("syncing"));
        assertThrows(IllegalStateException.class, () -> bar.done("done", false));
        assertThrows(IllegalStateException.class, () -> bar.receiptFont(null, "font"));
        assertEquals("", onEdt(() -> label(bar, "status.reader").getText()));

        SwingUtilities.invokeAndWait(() -> bar.show(s));
        assertEquals("Reader: OK", onEdt(() -> label(bar, "status.reader").getText()));
    }

    @Test
    void aPartChangeReportedOnAnotherThread_isDrawnOnTheEventThread() throws Exception {
        StatusBar bar = new StatusBar();
        AtomicReference<PartState> reader = new AtomicReference<>(PartState.ok("sim"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> drawnOn = new AtomicReference<>();
        StatusModel model = new StatusModel(() -> state(reader.get()), () -> EMPTY, statusThread,
                r -> SwingUtilities.invokeLater(() -> {
                    try {
                        drawnOn.set(Thread.currentThread().getName());
                        r.run();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }),
                s -> {
                    if (!SwingUtilities.isEventDispatchThread()) {
                        failure.set(new AssertionError("shown on " + Thread.currentThread().getName()));
                    }
                    bar.show(s);
                }, Texts.of(StatusModel.BUNDLE, Locale.ENGLISH));

        // The reader's watch reports the fault on its own thread and asks for a refresh there.
        CompletableFuture.runAsync(() -> {
            reader.set(PartState.fault("reader unplugged"));
            model.refresh();
        }, reporter).get(5, TimeUnit.SECONDS);

        long start = System.nanoTime();
        while (!onEdt(() -> label(bar, "status.reader").getText()).equals("Reader: NOT CONNECTED")) {
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "not drawn within 2 s");
            Thread.sleep(10);
        }
        assertEquals(null, failure.get());
        assertTrue(drawnOn.get().startsWith("AWT-EventQueue"), drawnOn.get());
        assertEquals("Card reader not connected \u2014 reader unplugged", onEdt(() -> label(bar, "status.reader").getToolTipText()));
    }

    private static JLabel label(StatusBar bar, String name) {
        for (java.awt.Component c : bar.getComponents()) {
            if (name.equals(c.getName())) {
                return (JLabel) c;
            }
        }
        throw new AssertionError("no label " + name);
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> e = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception ex) {
                e.set(ex);
            }
        });
        if (e.get() != null) {
            throw e.get();
        }
        return r.get();
    }
}
