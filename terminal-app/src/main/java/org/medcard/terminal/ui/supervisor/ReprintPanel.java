package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.ReceiptRow;
import org.medcard.terminal.present.supervisor.ReprintModel;
import org.medcard.terminal.present.supervisor.ReprintView;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.RowsTableModel;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/**
 * The reprint screen's panel ({@link ReprintScreen}): the search field keeps the focus (Enter searches, Up/Down
 * choose a row, Esc back to today's list); F7 reprints on the printer, F8 saves a PDF, F9 both, F5 today's receipts.
 */
final class ReprintPanel extends JPanel implements ReprintView {

    private final Texts texts;
    private final Shell shell;
    private final JTextField search = new JTextField(24);
    private final RowsTableModel<ReceiptRow> rows;
    private final JTable table;
    private final JLabel headline = new JLabel(" ");
    private final JLabel result = new JLabel(" ");
    private final List<JButton> keys = new ArrayList<>();
    private ReprintModel model;

    ReprintPanel(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.texts = texts;
        this.shell = shell;
        setName("reprint");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        rows = new RowsTableModel<>(List.of("ui.col.id", "ui.col.time", "ui.col.kind", "ui.col.amount", "ui.col.card", "ui.col.number",
                "ui.col.reprints"), texts::text, (r, c) -> switch (c) {
                    case 0 -> r.id();
                    case 1 -> r.time();
                    case 2 -> r.kind();
                    case 3 -> r.amount();
                    case 4 -> r.card();
                    case 5 -> r.number();
                    default -> r.reprints();
                });
        table = new JTable(rows);
        table.setName("reprint.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFocusable(false);
        search.setName("reprint.search");
        headline.setName("reprint.headline");
        result.setName("reprint.result");
        JPanel top = new JPanel(new GridLayout(0, 1, 4, 4));
        top.add(new JLabel(texts.text("ui.search")));
        top.add(search);
        top.add(headline);
        add(top, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout(8, 8));
        south.add(result, BorderLayout.NORTH);
        JPanel buttons = new JPanel(new org.medcard.terminal.ui.shell.KeyRowLayout(8, 8));
        buttons.add(key("reprint.print", "ui.print", () -> reprint(true, false)));
        buttons.add(key("reprint.save", "ui.save", () -> reprint(false, true)));
        buttons.add(key("reprint.both", "ui.both", () -> reprint(true, true)));
        buttons.add(key("reprint.today", "ui.today", this::today));
        south.add(buttons, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
        search.addActionListener(e -> model.search(search.getText()));
        Keys.bind(this, "F5", this::today);
        Keys.bind(this, "F7", () -> reprint(true, false));
        Keys.bind(this, "F8", () -> reprint(false, true));
        Keys.bind(this, "F9", () -> reprint(true, true));
        Keys.bind(search, "UP", () -> move(-1));
        Keys.bind(search, "DOWN", () -> move(1));
        Keys.bind(search, "ESCAPE", this::today);
    }

    /** Called once, before the screen is shown. */
    void attach(ReprintModel model) {
        this.model = model;
    }

    private JButton key(String name, String text, Runnable action) {
        JButton b = new JButton(texts.text(text));
        b.setName(name);
        b.setFocusable(false);
        b.addActionListener(e -> {
            action.run();
            search.requestFocusInWindow();
        });
        keys.add(b);
        return b;
    }

    private void today() {
        search.setText("");
        model.today();
    }

    private void move(int by) {
        int n = rows.getRowCount();
        if (n == 0) {
            return;
        }
        int i = Math.max(0, Math.min(n - 1, table.getSelectedRow() + by));
        table.setRowSelectionInterval(i, i);
        table.scrollRectToVisible(table.getCellRect(i, 0, true));
    }

    private void reprint(boolean print, boolean save) {
        int i = table.getSelectedRow();
        if (i < 0) {
            showMessage(texts.text("reprint.select"));
            return;
        }
        model.reprint(rows.row(table.convertRowIndexToModel(i)).id(), print, save);
    }

    @Override
    public void showReceipts(List<ReceiptRow> list, String text) {
        long selected = table.getSelectedRow() < 0 ? -1 : rows.row(table.convertRowIndexToModel(table.getSelectedRow())).id();
        rows.set(list);
        headline.setText(text);
        int keep = 0;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == selected) {
                keep = i;
            }
        }
        if (!list.isEmpty()) {
            table.setRowSelectionInterval(keep, keep);
        }
    }

    @Override
    public void showDone(String message) {
        result.setForeground(Theme.GREEN);
        result.setText(message);
    }

    @Override
    public void showMessage(String message) {
        result.setForeground(Theme.RED);
        result.setText(message);
    }

    @Override
    public void showBusy(boolean busy, String what) {
        keys.forEach(k -> k.setEnabled(!busy));
        shell.progress(busy ? what : null);
    }

    // ---------------------------------------------------------------- for the screen

    /** Today's receipts, the focus in the search field. */
    void showToday() {
        today();
        search.requestFocusInWindow();
    }

    /** Forgets the last search and its answer (the operator signed out). */
    void clear() {
        search.setText("");
        rows.set(List.of());
        result.setText(" ");
    }
}
