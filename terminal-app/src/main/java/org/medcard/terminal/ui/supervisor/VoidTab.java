package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import java.awt.GridLayout;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.JTextField;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.SaleToVoid;
import org.medcard.terminal.present.supervisor.SupervisorConfirmation;
import org.medcard.terminal.present.supervisor.VoidPickModel;
import org.medcard.terminal.present.supervisor.VoidPickView;
import org.medcard.terminal.present.supervisor.VoidModel;
import org.medcard.terminal.present.supervisor.VoidResult;
import org.medcard.terminal.present.supervisor.VoidView;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.SlipLine;
import org.medcard.terminal.ui.shell.Theme;

/**
 * Void: the settlement number (typed, or F6 picked from today's list), F5 or Enter, the supervisor confirms with
 * name, password and reason under what will be voided.
 */
final class VoidTab extends JPanel implements VoidView, VoidPickView {

    private final Texts texts;
    private final Shell shell;
    private final JTextField setlId = new JTextField(24);
    private final JLabel headline = Parts.headline("void.headline");
    private final JTextArea detail = Parts.text("void.detail", 3);
    private final JButton go;
    private final SlipLine slipLine = new SlipLine();
    private final JButton print;
    private final JButton save;
    private VoidModel model;
    private VoidPickModel pick;

    VoidTab(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.texts = texts;
        this.shell = shell;
        setName("supervisor.void");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        setlId.setName("void.setl_id");
        JPanel top = new JPanel(new GridLayout(0, 1, 4, 4));
        top.add(new JLabel(texts.text("ui.void.setl_id")));
        top.add(setlId);
        add(top, BorderLayout.NORTH);
        JPanel result = new JPanel(new BorderLayout(4, 4));
        result.add(headline, BorderLayout.NORTH);
        result.add(detail, BorderLayout.CENTER);
        // Issue 15: after a void, F7/F8 print or save its journalled receipt; the line says which happened.
        slipLine.setName("void.slip");
        result.add(slipLine, BorderLayout.SOUTH);
        add(result, BorderLayout.CENTER);
        go = Parts.button("void.go", texts.text("ui.void.go"), this::voidIt);
        print = Parts.button("void.print", texts.text("ui.void.slip_keys").split(" \u00b7 ")[0], () -> model.printSlip());
        save = Parts.button("void.save", texts.text("ui.void.slip_keys").split(" \u00b7 ")[1], () -> model.saveSlip());
        print.setEnabled(false);
        save.setEnabled(false);
        JPanel buttons = new JPanel(new org.medcard.terminal.ui.shell.KeyRowLayout(8, 8));
        buttons.add(go);
        buttons.add(Parts.button("void.pick", texts.text("ui.void.pick"), () -> pick.pick()));
        buttons.add(print);
        buttons.add(save);
        add(buttons, BorderLayout.SOUTH);
        Keys.bind(this, "F5", this::voidIt);
        Keys.bind(this, "F6", () -> pick.pick());
        Keys.bind(this, "F7", () -> model.printSlip());
        Keys.bind(this, "F8", () -> model.saveSlip());
        // The same keys as on the queue and registration screens, whose F7/F8 are taken.
        Keys.bind(this, "ctrl P", () -> model.printSlip());
        Keys.bind(this, "ctrl S", () -> model.saveSlip());
        Keys.bind(setlId, "ENTER", this::voidIt);
    }

    void attach(VoidModel m) {
        this.model = m;
    }

    void attachPick(VoidPickModel p) {
        this.pick = p;
    }

    void focusFirst() {
        setlId.requestFocusInWindow();
    }

    /** Back to the settlement number once a dialog is gone (asked again after the window got its focus back). */
    private void refocus() {
        focusFirst();
        javax.swing.SwingUtilities.invokeLater(() -> {
            if (!setlId.isFocusOwner() && setlId.isShowing()) {
                setlId.requestFocus();
            }
        });
    }

    @Override
    public void chooseSale(java.util.List<SaleToVoid> sales, java.util.List<String> lines) {
        java.util.Optional<Integer> chosen = Dialogs.choose(shell.frame(), texts.text("ui.void.pick_title"),
                java.util.stream.IntStream.range(0, sales.size()).boxed().toList(), lines::get, texts.text("ui.ok"), texts.text("ui.back"));
        refocus();
        chosen.ifPresent(i -> {
            setlId.setText(sales.get(i).setlId());
            voidIt();
        });
    }

    private void voidIt() {
        model.voidSettlement(setlId.getText());
    }

    @Override
    public SupervisorConfirmation confirmVoid(String id) {
        JTextField name = new JTextField(shell.operator().map(o -> o.name()).orElse(""), 16);
        name.setName("void.supervisor");
        JPasswordField password = new JPasswordField(16);
        password.setName("void.password");
        JTextField reason = new JTextField(24);
        reason.setName("void.reason");
        JPanel fields = new JPanel(new GridLayout(0, 2, 8, 8));
        JTextArea what = Parts.text("void.what", 4);
        what.setText(pick == null ? "" : pick.describe(id));
        JPanel p = new JPanel(new BorderLayout(8, 8));
        p.add(what, BorderLayout.NORTH);
        p.add(fields, BorderLayout.CENTER);
        fields.add(new JLabel(texts.text("ui.void.supervisor")));
        fields.add(name);
        fields.add(new JLabel(texts.text("ui.void.password")));
        fields.add(password);
        fields.add(new JLabel(texts.text("ui.void.reason")));
        fields.add(reason);
        boolean ok = Dialogs.ask(shell.frame(), texts.text("ui.void.title", id), p, password, texts.text("ui.ok"), texts.text("ui.back"));
        char[] pw = password.getPassword();
        password.setText("");
        refocus();
        if (!ok) {
            java.util.Arrays.fill(pw, '\0');
            return SupervisorConfirmation.back();
        }
        return new SupervisorConfirmation(true, name.getText().trim(), pw, reason.getText());
    }

    @Override
    public void showVoided(VoidResult r) {
        headline.setText(r.headline());
        headline.setForeground(r.outcome().kind() == org.medcard.terminal.voids.VoidOutcome.Kind.VOIDED ? Theme.GREEN
                : r.outcome().kind() == org.medcard.terminal.voids.VoidOutcome.Kind.PENDING ? Theme.AMBER : Theme.RED);
        detail.setText(r.detail());
        boolean ready = model.slipReady();
        print.setEnabled(ready);
        save.setEnabled(ready);
        slipLine.keys(ready, texts.text("ui.void.slip_keys"));
    }

    /** The supervisor signed out: the void on screen and its kept receipt are forgotten (issue 15). */
    void signedOut() {
        if (model != null) {
            model.signedOut();
        }
        setlId.setText("");
        headline.setText(" ");
        detail.setText("");
        slipLine.setText(" ");
        print.setEnabled(false);
        save.setEnabled(false);
    }

    @Override
    public void showSlip(String line, boolean problem) {
        slipLine.copy(line, problem);
    }

    @Override
    public void showBusy(boolean busy, String what) {
        go.setEnabled(!busy);
        shell.progress(busy ? what : null);
    }

    @Override
    public void showMessage(String message) {
        headline.setText(" ");
        detail.setText(message);
    }
}
