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
import org.medcard.terminal.present.supervisor.DayCloseReportModel;
import org.medcard.terminal.present.supervisor.DayCloseReportView;
import org.medcard.terminal.present.supervisor.DayCloseView;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/**
 * Day close: F5 or Enter closes today; the result in large type, the totals per source, the differences, then the
 * report as printed (issue 15) with F7 print and F8 save PDF.
 */
final class DayCloseTab extends JPanel implements DayCloseView, DayCloseReportView {

    private final Shell shell;
    private final JLabel headline = Parts.headline("dayclose.headline");
    private final JTextArea lines = Parts.text("dayclose.lines", 10);
    private final JProgressBar progress = new JProgressBar();
    private final JButton go;
    private DayCloseModel model;
    private DayCloseReportModel report;
    private final JTextArea reportLines = Parts.text("dayclose.report", 16);
    private final JLabel reportDone = new JLabel(" ");

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
        reportLines.setLineWrap(false);
        reportLines.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, lines.getFont().getSize()));
        reportDone.setName("dayclose.report_done");
        // Not a JSplitPane: it binds F6 and F8 for itself.
        JPanel both = new JPanel(new java.awt.GridLayout(0, 1, 8, 8));
        both.add(new JScrollPane(lines));
        both.add(new JScrollPane(reportLines));
        add(both, BorderLayout.CENTER);
        go = Parts.button("dayclose.go", texts.text("ui.dayclose.go"), () -> model.closeToday());
        go.setFocusable(true);
        JPanel south = new JPanel(new BorderLayout(8, 8));
        south.add(reportDone, BorderLayout.NORTH);
        JPanel buttons = new JPanel(new java.awt.GridLayout(1, 0, 8, 8));
        buttons.add(go);
        buttons.add(Parts.button("dayclose.print", texts.text("ui.dayclose.print"), () -> report.print()));
        buttons.add(Parts.button("dayclose.save", texts.text("ui.dayclose.save"), () -> report.savePdf()));
        south.add(buttons, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
        Keys.bind(this, "F7", () -> report.print());
        Keys.bind(this, "F8", () -> report.savePdf());
        Keys.bind(this, "F5", () -> model.closeToday());
        Keys.bind(go, "ENTER", () -> model.closeToday());
    }

    void attach(DayCloseModel m) {
        this.model = m;
    }

    void attachReport(DayCloseReportModel r) {
        this.report = r;
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
        reportDone.setText(" ");
        if (report != null) {
            report.showLatest();
        }
    }

    @Override
    public void showReport(java.util.List<String> report) {
        reportLines.setText(String.join("\n", report));
        reportLines.setCaretPosition(0);
    }

    @Override
    public void showReportDone(String message) {
        reportDone.setForeground(Theme.GREEN);
        reportDone.setText(message);
    }

    @Override
    public void showBusy(boolean busy, String what) {
        go.setEnabled(!busy);
        if (!busy && isShowing()) {
            // Disabling the focused key let the focus go; F5, F7 and F8 are this tab's and need it back.
            go.requestFocusInWindow();
        }
        progress.setIndeterminate(busy);
        shell.progress(busy ? what : null);
    }

    @Override
    public void showMessage(String message) {
        if (report != null && !reportLines.getText().isEmpty()) {
            // A printer fault after the close: the report stays on screen, the fault goes under it.
            reportDone.setForeground(Theme.RED);
            reportDone.setText(message);
            return;
        }
        headline.setText(" ");
        lines.setText(message);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
