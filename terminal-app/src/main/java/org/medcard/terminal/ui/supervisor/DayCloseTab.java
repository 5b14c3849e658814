package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.DayCloseAnswer;
import org.medcard.terminal.present.supervisor.DayCloseModel;
import org.medcard.terminal.present.supervisor.DayCloseView;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/** Day close: F5 or Enter closes today; the result in large type, the totals per source, the differences. */
final class DayCloseTab extends JPanel implements DayCloseView {

    private final Shell shell;
    private final JLabel headline = Parts.headline("dayclose.headline");
    private final JTextArea lines = Parts.text("dayclose.lines", 10);
    private final JProgressBar progress = new JProgressBar();
    private final JButton go;
    private DayCloseModel model;

    DayCloseTab(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.shell = shell;
        setName("supervisor.dayclose");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        progress.setName("dayclose.progress");
        JPanel top = new JPanel(new BorderLayout(4, 4));
        top.add(headline, BorderLayout.CENTER);
        top.add(progress, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(lines), BorderLayout.CENTER);
        go = Parts.button("dayclose.go", texts.text("ui.dayclose.go"), () -> model.closeToday());
        go.setFocusable(true);
        add(go, BorderLayout.SOUTH);
        Keys.bind(this, "F5", () -> model.closeToday());
        Keys.bind(go, "ENTER", () -> model.closeToday());
    }

    void attach(DayCloseModel m) {
        this.model = m;
    }

    void focusFirst() {
        go.requestFocusInWindow();
    }

    @Override
    public void showDayClose(DayCloseAnswer a) {
        headline.setText("<html>" + escape(a.headline()) + "</html>");
        DayCloseReport.Result r = a.result().reconciliation().result();
        headline.setForeground(r == DayCloseReport.Result.MATCH ? Theme.GREEN : r == DayCloseReport.Result.MISMATCH ? Theme.RED : Theme.AMBER);
        StringBuilder s = new StringBuilder();
        a.totals().forEach(t -> s.append(t).append('\n'));
        if (!a.differences().isEmpty()) {
            s.append('\n');
            a.differences().forEach(d -> s.append(d).append('\n'));
        }
        s.append('\n').append(a.queueLine());
        lines.setText(s.toString());
    }

    @Override
    public void showBusy(boolean busy, String what) {
        go.setEnabled(!busy);
        progress.setIndeterminate(busy);
        shell.progress(busy ? what : null);
    }

    @Override
    public void showMessage(String message) {
        headline.setText(" ");
        lines.setText(message);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
