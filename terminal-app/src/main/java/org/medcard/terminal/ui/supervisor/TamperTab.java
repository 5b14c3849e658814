package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.TamperAnswer;
import org.medcard.terminal.present.supervisor.TamperModel;
import org.medcard.terminal.present.supervisor.TamperView;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/**
 * Tamper findings: what was found changed in the queue, when, who acknowledged it; F5 acknowledges the open ones
 * with the note typed (Enter in the note field too), F6 checks again.
 */
final class TamperTab extends JPanel implements TamperView {

    private final Shell shell;
    private final JLabel headline = Parts.headline("tamper.headline");
    private final JTextArea lines = Parts.text("tamper.lines", 10);
    private final JTextField note = new JTextField(40);
    private final JProgressBar progress = new JProgressBar();
    private final JButton acknowledge;
    private final JButton refresh;
    private TamperModel model;

    TamperTab(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.shell = shell;
        setName("supervisor.tamper");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        progress.setName("tamper.progress");
        note.setName("tamper.note");
        JPanel top = new JPanel(new BorderLayout(4, 4));
        top.add(headline, BorderLayout.CENTER);
        top.add(progress, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(lines), BorderLayout.CENTER);
        acknowledge = Parts.button("tamper.acknowledge", texts.text("ui.tamper.acknowledge"), () -> model.acknowledge(note.getText()));
        refresh = Parts.button("tamper.refresh", texts.text("ui.tamper.refresh"), () -> model.refresh());
        JPanel bottom = new JPanel(new BorderLayout(8, 4));
        bottom.add(new JLabel(texts.text("ui.tamper.note")), BorderLayout.WEST);
        bottom.add(note, BorderLayout.CENTER);
        JPanel keys = new JPanel();
        keys.add(acknowledge);
        keys.add(refresh);
        bottom.add(keys, BorderLayout.SOUTH);
        add(bottom, BorderLayout.SOUTH);
        Keys.bind(this, "F5", () -> model.acknowledge(note.getText()));
        Keys.bind(this, "F6", () -> model.refresh());
        Keys.bind(note, "ENTER", () -> model.acknowledge(note.getText()));
    }

    void attach(TamperModel m) {
        this.model = m;
    }

    void focusFirst() {
        note.requestFocusInWindow();
    }

    @Override
    public void showTamper(TamperAnswer a) {
        headline.setText("<html>" + escape(a.headline()) + "</html>");
        headline.setForeground(a.blocking() ? Theme.RED : a.held().isEmpty() ? Theme.GREEN : Theme.AMBER);
        StringBuilder s = new StringBuilder();
        a.findings().forEach(f -> s.append(f).append('\n'));
        if (!a.held().isEmpty()) {
            s.append('\n');
            a.held().forEach(h -> s.append(h).append('\n'));
        }
        lines.setText(s.toString());
        acknowledge.setEnabled(a.blocking());
        if (!a.blocking()) {
            note.setText("");
        }
    }

    @Override
    public void showBusy(boolean busy, String what) {
        acknowledge.setEnabled(!busy);
        refresh.setEnabled(!busy);
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
