package org.medcard.terminal.ui.status;

import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

import org.medcard.terminal.present.status.Light;
import org.medcard.terminal.present.status.PartLine;
import org.medcard.terminal.present.status.StatusSnapshot;
import org.medcard.terminal.present.status.StatusView;
import org.medcard.terminal.present.status.SyncView;
import org.medcard.terminal.ui.shell.Theme;

/**
 * The bottom bar: one coloured tag per part, always with its word ("Reader: OK"), the queue line, and an
 * indeterminate progress bar while long work runs. Labels are named {@code status.reader}, {@code status.psam},
 * {@code status.card}, {@code status.center}, {@code status.queue} for tests.
 *
 * <p>Every change happens on the event thread: a change from another thread (the reader's worker, the status
 * reader, a watch) is a bug and throws, so tests find it (issue 15).
 */
public final class StatusBar extends JPanel implements StatusView, SyncView {

    private final JLabel reader = tag("status.reader");
    private final JLabel psam = tag("status.psam");
    private final JLabel card = tag("status.card");
    private final JLabel center = tag("status.center");
    private final JLabel queue = tag("status.queue");
    private final JLabel receiptFont = tag("status.receiptFont");
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressText = new JLabel();

    public StatusBar() {
        super(new FlowLayout(FlowLayout.LEFT, 8, 4));
        setName("status");
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, Color.GRAY));
        add(reader);
        add(psam);
        add(card);
        add(center);
        add(queue);
        receiptFont.setVisible(false);
        receiptFont.setBackground(Theme.RED);
        add(receiptFont);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progressText.setName("status.progress");
        add(progress);
        add(progressText);
    }

    private static JLabel tag(String name) {
        JLabel l = new JLabel();
        l.setName(name);
        l.setOpaque(true);
        l.setForeground(Color.WHITE);
        l.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        return l;
    }

    @Override
    public void show(StatusSnapshot s) {
        onEventThread();
        part(reader, s.reader());
        part(psam, s.psam());
        part(card, s.card());
        part(center, s.center());
        queue.setText(s.queue().text());
        queue.setBackground(colour(s.queue().light()));
    }

    private static void part(JLabel l, PartLine p) {
        l.setText(p.label() + ": " + p.word());
        l.setToolTipText(p.detail().isEmpty() ? null : p.detail());
        l.setBackground(colour(p.light()));
        l.setFont(l.getFont().deriveFont(Font.BOLD));
    }

    /** Swing is single-threaded: the bar changes only on the event thread. */
    private static void onEventThread() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("status bar changed off the event thread, on " + Thread.currentThread().getName());
        }
    }

    static Color colour(Light light) {
        return switch (light) {
            case GREEN -> Theme.GREEN;
            case AMBER -> Theme.AMBER;
            case RED -> Theme.RED;
        };
    }

    /**
     * The receipt font: {@code problem} (no Chinese font: Chinese will not print) shows in red; null hides the tag.
     * {@code line} (which font, or that none was found) is its tooltip.
     */
    public void receiptFont(String problem, String line) {
        onEventThread();
        receiptFont.setVisible(problem != null);
        receiptFont.setText(problem == null ? "" : problem);
        receiptFont.setToolTipText(line);
    }

    /** Long work: shown with its text; null hides. */
    @Override
    public void progress(String text) {
        onEventThread();
        progress.setVisible(text != null);
        progressText.setText(text == null ? "" : text);
        progressText.setForeground(javax.swing.UIManager.getColor("Label.foreground"));
    }

    /** The result of long work, until the next one. */
    @Override
    public void done(String message, boolean problem) {
        onEventThread();
        progressText.setText(message);
        progressText.setForeground(problem ? Theme.RED : Theme.GREEN);
    }
}
