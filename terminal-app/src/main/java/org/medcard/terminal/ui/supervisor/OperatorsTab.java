package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.OperatorRow;
import org.medcard.terminal.present.supervisor.OperatorsModel;
import org.medcard.terminal.present.supervisor.OperatorsView;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.RowsTableModel;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/** Operators: the list, F5 add, F6 disable, F7 unlock, F8 new password, F9 refresh, F10 enable again
 * (on the selected operator). */
final class OperatorsTab extends JPanel implements OperatorsView {

    private final Texts texts;
    private final Shell shell;
    private final RowsTableModel<OperatorRow> rows;
   private final JTable table;
    private final JTextArea result = Parts.text("operators.result", 2);
    private final List<javax.swing.JButton> actions = new ArrayList<>();
    private OperatorsModel model;

    OperatorsTab(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.texts = texts;
        this.rows = operatorsTable(texts);
        this.shell = shell;
        this.table = new JTable(rows);
        setName("supervisor.operators");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        table.setName("operators.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        add(new JScrollPane(table), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new org.medcard.terminal.ui.shell.KeyRowLayout(8, 8));
        buttons.add(action("operators.add", "ui.operators.add", this::add));
        buttons.add(action("operators.disable", "ui.operators.disable", () -> selected(n -> model.disable(n))));
        buttons.add(action("operators.unlock", "ui.operators.unlock", () -> selected(n -> model.unlock(n))));
        buttons.add(action("operators.password", "ui.operators.password", () -> selected(this::newPassword)));
        buttons.add(action("operators.refresh", "ui.operators.refresh", () -> model.refresh()));
        buttons.add(action("operators.enable", "ui.operators.enable", () -> selected(n -> model.enable(n))));
        JPanel south = new JPanel(new BorderLayout(8, 8));
        south.add(result, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
        Keys.bind(this, "F5", this::add);
        Keys.bind(this, "F6", () -> selected(n -> model.disable(n)));
        Keys.bind(this, "F7", () -> selected(n -> model.unlock(n)));
        Keys.bind(this, "F8", () -> selected(this::newPassword));
        Keys.bind(this, "F9", () -> model.refresh());
        Keys.bind(this, "F10", () -> selected(n -> model.enable(n)));
        // JTable binds F8 itself (focus the header): the table's own binding must say "new password".
        Keys.bind(table, "F8", () -> selected(this::newPassword));
    }

    void attach(OperatorsModel m) {
        this.model = m;
    }

    void focusFirst() {
        table.requestFocusInWindow();
    }

    private javax.swing.JButton action(String name, String key, Runnable r) {
        javax.swing.JButton b = Parts.button(name, texts.text(key), r);
        actions.add(b);
        return b;
    }

    private void selected(java.util.function.Consumer<String> action) {
        int i = table.getSelectedRow();
        if (i < 0) {
            showMessage(texts.text("ui.operators.select"));
            return;
        }
        action.accept(rows.row(table.convertRowIndexToModel(i)).name());
    }

    private void add() {
        JTextField name = new JTextField(16);
        name.setName("operators.field.name");
        JTextField display = new JTextField(16);
        display.setName("operators.field.display");
        JComboBox<String> role = new JComboBox<>(new String[] {texts.text("role.CASHIER"), texts.text("role.SUPERVISOR"),
            texts.text("role.TECHNICIAN")});
        role.setName("operators.field.role");
        JPasswordField pw = new JPasswordField(16);
        pw.setName("operators.field.password");
        JPasswordField repeat = new JPasswordField(16);
        repeat.setName("operators.field.repeat");
        JPanel p = new JPanel(new GridLayout(0, 2, 8, 8));
        p.add(new JLabel(texts.text("ui.field.name")));
        p.add(name);
        p.add(new JLabel(texts.text("ui.field.display")));
        p.add(display);
        p.add(new JLabel(texts.text("ui.field.role")));
        p.add(role);
        p.add(new JLabel(texts.text("ui.field.password")));
        p.add(pw);
        p.add(new JLabel(texts.text("ui.field.repeat")));
        p.add(repeat);
        boolean ok = Dialogs.ask(shell.frame(), texts.text("ui.operators.add_title"), p, name, texts.text("ui.ok"), texts.text("ui.back"));
        char[] a = pw.getPassword();
        char[] b = repeat.getPassword();
        pw.setText("");
        repeat.setText("");
        if (!ok) {
            java.util.Arrays.fill(a, '\0');
            java.util.Arrays.fill(b, '\0');
            return;
        }
        model.add(name.getText(), display.getText(), Role.values()[role.getSelectedIndex()], a, b);
    }

    private void newPassword(String name) {
        JPasswordField pw = new JPasswordField(16);
        pw.setName("operators.field.password");
        JPasswordField repeat = new JPasswordField(16);
        repeat.setName("operators.field.repeat");
        JPanel p = new JPanel(new GridLayout(0, 2, 8, 8));
        p.add(new JLabel(texts.text("ui.field.password")));
        p.add(pw);
        p.add(new JLabel(texts.text("ui.field.repeat")));
        p.add(repeat);
        boolean ok = Dialogs.ask(shell.frame(), texts.text("ui.operators.password_title", name), p, pw, texts.text("ui.ok"),
                texts.text("ui.back"));
        char[] a = pw.getPassword();
        char[] b = repeat.getPassword();
        pw.setText("");
        repeat.setText("");
        if (!ok) {
            java.util.Arrays.fill(a, '\0');
            java.util.Arrays.fill(b, '\0');
            return;
        }
        model.resetPassword(name, a, b);
    }

    @Override
    public void showOperators(List<OperatorRow> operators) {
        int was = table.getSelectedRow();
        String selected = was < 0 ? null : rows.row(table.convertRowIndexToModel(was)).name();
        rows.set(operators);
        // The operator just disabled stays selected, so F10 enables them again at once.
        for (int i = 0; i < operators.size(); i++) {
            if (operators.get(i).name().equals(selected)) {
                int v = table.convertRowIndexToView(i);
                table.setRowSelectionInterval(v, v);
            }
        }
    }

    @Override
    public boolean confirm(String question) {
        JTextArea ask = Parts.text("operators.confirm", 3);
        ask.setText(question);
        return Dialogs.ask(shell.frame(), texts.text("ui.operators.confirm_title"), ask, null, texts.text("ui.ok"), texts.text("ui.back"));
    }

    @Override
    public void showDone(String message) {
        result.setForeground(Theme.GREEN);
        result.setText(message);
    }

    @Override
    public void showBusy(boolean busy, String what) {
        actions.forEach(b -> b.setEnabled(!busy));
        shell.progress(busy ? what : null);
    }

    @Override
    public void showMessage(String message) {
        result.setForeground(Theme.RED);
        result.setText(message);
    }

    /** The table of {@code operators}, its titles and cells in the screen's language. */
    private static RowsTableModel<OperatorRow> operatorsTable(Texts texts) {
        return new RowsTableModel<>(List.of("ui.col.name", "ui.col.display", "ui.col.role",
                "ui.col.state"), texts::text, (o, c) -> switch (c) {
            case 0 -> o.name();
            case 1 -> o.displayName();
            case 2 -> o.roleText();
            default -> o.stateText();
        });
    }
}
