package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.rejected.RejectedAnswer;
import org.medcard.terminal.present.rejected.RejectedModel;
import org.medcard.terminal.present.rejected.RejectedRow;
import org.medcard.terminal.present.rejected.RejectedView;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/**
 * Rejected messages: the list (Up/Down chooses; each row says what was rejected, why, and what was done about it),
 * a note field, F5 resend, F6 reverse, F7 mark handled (the note required), F8 read again.
 */
final class RejectedPanel extends JPanel implements RejectedView {

    private final Shell shell;
    private final JLabel headline = new JLabel(" ");
    private final JTextArea message = new JTextArea(2, 40);
    private final DefaultListModel<RejectedRow> rows = new DefaultListModel<>();
    private final JList<RejectedRow> list = new JList<>(rows);
    private final JTextField note = new JTextField(40);
    private final JProgressBar progress = new JProgressBar();
    private final JButton resend;
    private final JButton reverse;
    private final JButton handled;
    private final JButton refresh;
    private RejectedModel model;

    RejectedPanel(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.shell = shell;
        setName("rejected");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        headline.setName("rejected.headline");
        headline.setFont(headline.getFont().deriveFont(Font.BOLD, headline.getFont().getSize2D() * 1.5f));
        message.setName("rejected.message");
        message.setEditable(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setOpaque(false);
        message.setFocusable(false);
        progress.setName("rejected.progress");
        list.setName("rejected.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new RowRenderer());
        list.addListSelectionListener(e -> enableActions());
        note.setName("rejected.note");
        JPanel top = new JPanel(new BorderLayout(4, 4));
        top.add(headline, BorderLayout.NORTH);
        top.add(message, BorderLayout.CENTER);
        top.add(progress, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(list), BorderLayout.CENTER);
        resend = Keys.button("rejected.resend", texts.text("ui.resend"), () -> model.resend(chosen(), note.getText()));
        reverse = Keys.button("rejected.reverse", texts.text("ui.reverse"), () -> model.reverse(chosen(), note.getText()));
        handled = Keys.button("rejected.handled", texts.text("ui.handled"), () -> model.markHandled(chosen(), note.getText()));
        refresh = Keys.button("rejected.refresh", texts.text("ui.refresh"), () -> model.refresh());
        JPanel bottom = new JPanel(new BorderLayout(8, 4));
        bottom.add(new JLabel(texts.text("ui.note")), BorderLayout.WEST);
        bottom.add(note, BorderLayout.CENTER);
        JPanel keys = new JPanel();
        keys.add(resend);
        keys.add(reverse);
        keys.add(handled);
        keys.add(refresh);
        bottom.add(keys, BorderLayout.SOUTH);
        add(bottom, BorderLayout.SOUTH);
        Keys.bind(this, "F5", () -> model.resend(chosen(), note.getText()));
        Keys.bind(this, "F6", () -> model.reverse(chosen(), note.getText()));
        Keys.bind(this, "F7", () -> model.markHandled(chosen(), note.getText()));
        Keys.bind(this, "F8", () -> model.refresh());
        enableActions();
    }

    void attach(RejectedModel m) {
        this.model = m;
    }

    void focusFirst() {
        list.requestFocusInWindow();
    }

    /** Up/Down in the note field still chooses the message, so the supervisor never leaves the keyboard. */
    private String chosen() {
        RejectedRow r = list.getSelectedValue();
        return r == null ? null : r.msgid();
    }

    private void enableActions() {
        RejectedRow r = list.getSelectedValue();
        resend.setEnabled(r != null && r.canResend());
        reverse.setEnabled(r != null && r.canReverse());
        handled.setEnabled(r != null && r.canMarkHandled());
    }

    @Override
    public void showRejected(RejectedAnswer a) {
        String before = chosen();
        headline.setText(a.headline());
        headline.setForeground(a.needsSupervisor() ? Theme.RED : Theme.GREEN);
        message.setText(a.message() == null ? "" : a.message());
        rows.clear();
        a.rows().forEach(rows::addElement);
        List<RejectedRow> all = a.rows();
        int index = -1;
        for (int i = 0; i < all.size() && index < 0; i++) {
            index = all.get(i).msgid().equals(before) ? i : -1;
        }
        for (int i = 0; i < all.size() && index < 0; i++) {
            index = all.get(i).needsSupervisor() ? i : -1; // else the first one that needs someone
        }
        index = Math.max(index, 0);
        if (!all.isEmpty()) {
            list.setSelectedIndex(index);
            list.ensureIndexIsVisible(index);
        }
        if (a.message() != null) {
            note.setText("");
        }
        enableActions();
    }

    @Override
    public void showBusy(boolean busy, String what) {
        if (busy) {
            resend.setEnabled(false);
            reverse.setEnabled(false);
            handled.setEnabled(false);
        } else {
            enableActions();
        }
        refresh.setEnabled(!busy);
        progress.setIndeterminate(busy);
        shell.progress(busy ? what : null);
    }

    @Override
    public void showMessage(String text) {
        message.setText(text);
    }

    /** Three lines per message: what, why, what was done (red while a supervisor must act). */
    private static final class RowRenderer implements ListCellRenderer<RejectedRow> {
        private final JPanel cell = new JPanel(new BorderLayout(2, 2));
        private final JLabel what = new JLabel();
        private final JLabel why = new JLabel();
        private final JLabel done = new JLabel();

        RowRenderer() {
            cell.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
            cell.add(what, BorderLayout.NORTH);
            cell.add(why, BorderLayout.CENTER);
            cell.add(done, BorderLayout.SOUTH);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends RejectedRow> l, RejectedRow r, int index, boolean selected,
                                                      boolean focus) {
            what.setText(r.line());
            why.setText("    " + r.reason());
            done.setText("    " + r.resolution());
            done.setForeground(r.needsSupervisor() ? Theme.RED : Theme.GREEN);
            cell.setBackground(selected ? l.getSelectionBackground() : l.getBackground());
            what.setForeground(selected ? l.getSelectionForeground() : l.getForeground());
            why.setForeground(what.getForeground());
            cell.setOpaque(true);
            return cell;
        }
    }
}
