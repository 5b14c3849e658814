package org.medcard.terminal.ui.registration;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.present.registration.OpenVisit;
import org.medcard.terminal.present.registration.RegistrationDeskModel;
import org.medcard.terminal.present.registration.RegistrationView;
import org.medcard.terminal.present.registration.VisitAnswer;
import org.medcard.terminal.registration.Department;
import org.medcard.terminal.ui.counter.CardSide;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.KeyRowLayout;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.RowsTableModel;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.SlipLine;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * The registration desk. Up / Down choose the department (its doctors follow), Tab moves to the doctors, Enter
 * or F6 registers and takes the fee now, F5 registers with the fee paid after the doctor, F7 settles the visit
 * number typed (or selected) with the items typed, F8 cancels it, F10 closes a paid visit, F9 puts a training card in
 * (training mode), Esc clears. The card panel on the right is the counter's ({@link CardSide}): the holder is checked
 * before registering. Named for GUI tests: {@code reg.departments}, {@code reg.doctors}, {@code reg.fee},
 * {@code reg.visit}, {@code reg.items}, {@code reg.open}, {@code reg.headline}, {@code reg.split}, {@code reg.detail},
 * {@code reg.busy}, the card panel's {@code reg.banner}, {@code reg.name}, {@code reg.cardno}, {@code reg.balance}.
 */
final class RegistrationPanel extends JPanel implements RegistrationView {

    private final Texts texts;
    private final Shell shell;
    private final UiFonts fonts;
    private final JList<String> departments = new JList<>();
    private final JList<String> doctors = new JList<>();
    private final JLabel fee = new JLabel(" ");
    private final JTextField visit = new JTextField(20);
    private final JTextField items = new JTextField(30);
    private final RowsTableModel<OpenVisit> visitsModel;
   private final JTable open;
    private final JLabel headline = new JLabel(" ");
    private final JTextArea split = new JTextArea(4, 30);
    private final JTextArea detail = new JTextArea(3, 40);
    private final JLabel busyLabel = new JLabel(" ");
    private final SlipLine slipLine = new SlipLine();
    private final List<JButton> actions = new ArrayList<>();
    /** Issue 15: the pharmacy counter's card panel, showing the same card (the holder checked before registering). */
    private final CardSide cardSide;
    private final Texts cardTexts;
    private List<Department> departmentList = List.of();
    private Department chosen;
    private RegistrationDeskModel model;

    /**
     * @param cardTexts the counter's bundle: the card panel and the training-card chooser say what they say at the counter
     */
    RegistrationPanel(Texts texts, Texts cardTexts, Shell shell, UiFonts fonts) {
        super(new BorderLayout(12, 12));
        this.texts = texts;
        this.cardTexts = cardTexts;
        this.cardSide = new CardSide(cardTexts, fonts, "reg", true);
        this.visitsModel = visitsTable(texts);
        this.shell = shell;
        this.fonts = fonts;
        this.open = new JTable(visitsModel);
        setName("registration");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));

        departments.setName("reg.departments");
        departments.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        departments.addListSelectionListener(e -> {
            int i = departments.getSelectedIndex();
            if (!e.getValueIsAdjusting() && i >= 0 && model != null && (chosen == null || !chosen.code().equals(departmentList.get(i).code()))) {
                model.chooseDepartment(departmentList.get(i).code());
            }
        });
        doctors.setName("reg.doctors");
        doctors.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        fee.setName("reg.fee");
        fee.setFont(fee.getFont().deriveFont(Font.BOLD, fee.getFont().getSize2D() * 1.2f));
        JPanel choose = new JPanel(new GridLayout(1, 2, 8, 8));
        choose.add(titled(new JScrollPane(departments), texts.text("ui.departments")));
        choose.add(titled(new JScrollPane(doctors), texts.text("ui.doctors")));
        JPanel left = new JPanel(new BorderLayout(4, 4));
        left.add(choose, BorderLayout.CENTER);
        left.add(fee, BorderLayout.SOUTH);

        visit.setName("reg.visit");
        items.setName("reg.items");
        open.setName("reg.open");
        open.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        open.getSelectionModel().addListSelectionListener(e -> {
            int i = open.getSelectedRow();
            if (!e.getValueIsAdjusting() && i >= 0) {
                visit.setText(visitsModel.row(i).mdtrtId());
            }
        });
        JPanel fields = new JPanel(new GridLayout(0, 1, 2, 2));
        fields.add(new JLabel(texts.text("ui.visit_no")));
        fields.add(visit);
        fields.add(new JLabel(texts.text("ui.items")));
        fields.add(items);
        JPanel right = new JPanel(new BorderLayout(4, 4));
        right.add(titled(new JScrollPane(open), texts.text("ui.open_visits")), BorderLayout.CENTER);
        right.add(fields, BorderLayout.SOUTH);

        JPanel middle = new JPanel(new GridLayout(1, 2, 12, 12));
        middle.add(left);
        middle.add(right);
        add(middle, BorderLayout.CENTER);
        add(cardSide, BorderLayout.EAST);

        headline.setName("reg.headline");
        headline.setFont(headline.getFont().deriveFont(Font.BOLD, headline.getFont().getSize2D() * 1.6f));
        split.setName("reg.split");
        detail.setName("reg.detail");
        for (JTextArea a : List.of(split, detail)) {
            a.setEditable(false);
            a.setLineWrap(true);
            a.setWrapStyleWord(true);
            a.setOpaque(false);
            a.setFocusable(false);
        }
        busyLabel.setName("reg.busy");
        busyLabel.setForeground(Theme.AMBER);
        JPanel result = new JPanel(new BorderLayout(4, 4));
        result.add(headline, BorderLayout.NORTH);
        result.add(split, BorderLayout.WEST);
        result.add(detail, BorderLayout.CENTER);
        // Issue 15: the slip line under the busy line: Ctrl+P / Ctrl+S once a slip is ready (F7/F8 settle and cancel here).
        slipLine.setName("reg.slip");
        JPanel lines = new JPanel(new GridLayout(0, 1, 2, 2));
        lines.add(busyLabel);
        lines.add(slipLine);
        result.add(lines, BorderLayout.SOUTH);

        // Issue 15: two rows rather than "F5 Register (fee …" cut when the five keys do not fit (1024 wide, zoom).
        JPanel buttons = new JPanel(new KeyRowLayout(8, 8));
        buttons.add(button("reg.register", texts.text("ui.register"), () -> register(false)));
        buttons.add(button("reg.register_pay", texts.text("ui.register_pay"), () -> register(true)));
        buttons.add(button("reg.settle", texts.text("ui.settle"), this::settle));
        buttons.add(button("reg.cancel", texts.text("ui.cancel_visit"), this::cancel));
        buttons.add(button("reg.close", texts.text("ui.close_visit"), this::closeVisit));
        JPanel south = new JPanel(new BorderLayout(8, 8));
        south.add(result, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);

        Keys.bind(this, "F5", () -> register(false));
        Keys.bind(this, "F6", () -> register(true));
        Keys.bind(this, "F7", this::settle);
        Keys.bind(this, "F8", this::cancel);
        Keys.bind(this, "F10", this::closeVisit);
        Keys.bind(this, "F9", this::trainingCard);
        Keys.bind(this, "ESCAPE", this::clear);
        Keys.bind(this, "ctrl P", () -> model.printSlip());
        Keys.bind(this, "ctrl S", () -> model.saveSlip());
        Keys.bind(departments, "ENTER", () -> register(true));
        Keys.bind(doctors, "ENTER", () -> register(true));
        Keys.bind(items, "ENTER", this::settle);
        // JTable binds F8 itself (focus the header): the table's own binding must say cancel.
        Keys.bind(open, "F8", this::cancel);
        Keys.bind(visit, "ENTER", () -> items.requestFocusInWindow());
    }

    void attach(RegistrationDeskModel m) {
        this.model = m;
        if (!m.trainingCards().isEmpty()) {
            // Under the card panel it belongs to: the desk's key row keeps its width for the visit keys.
            JPanel training = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
            training.add(button("reg.training", texts.text("ui.training_card"), this::trainingCard));
            cardSide.footer(training);
        }
        m.start();
    }

    void focusDepartments() {
        departments.requestFocusInWindow();
    }

    void clear() {
        visit.setText("");
        items.setText("");
        headline.setText(" ");
        split.setText("");
        detail.setText("");
        slipLine.setText(" "); // the kept slip is forgotten too (issue 15)
        focusDepartments();
    }

    private void register(boolean payNow) {
        if (chosen == null) {
            return;
        }
        int d = doctors.getSelectedIndex();
        model.register(chosen.code(), d < 0 ? Optional.empty() : Optional.of(chosen.doctors().get(d).code()), payNow);
    }

    private void settle() {
        model.settle(visit.getText(), items.getText());
    }

    private void cancel() {
        model.cancel(visit.getText());
    }

    /** F9 in training mode (as at the counter): a simulated card into the reader; the card panel shows it when read. */
    private void trainingCard() {
        CardSide.chooseTrainingCard(shell.frame(), cardTexts, model.trainingCards())
                .ifPresent(c -> model.presentTrainingCard(c.profile()));
        focusDepartments();
    }

    /** A paid visit stays open for its further batches until the clerk closes it (or the day close does). */
    private void closeVisit() {
        model.close(visit.getText());
    }

    // ---------------------------------------------------------------- RegistrationView

    @Override
    public void showDepartments(List<Department> list, List<String> labels) {
        departmentList = List.copyOf(list);
        departments.setListData(labels.toArray(String[]::new));
    }

    @Override
    public void showDoctors(Department department, List<String> labels, String feeLine) {
        chosen = department;
        int i = departmentList.indexOf(department);
        if (i >= 0 && departments.getSelectedIndex() != i) {
            departments.setSelectedIndex(i);
        }
        doctors.setListData(labels.toArray(String[]::new));
        doctors.setSelectedIndex(0);
        fee.setText(feeLine);
    }

    @Override
    public void showOpenVisits(List<OpenVisit> visits) {
        visitsModel.set(visits);
    }

    @Override
    public void showBusy(boolean busy, String what) {
        actions.forEach(b -> b.setEnabled(!busy));
        busyLabel.setText(busy ? what : " ");
        shell.progress(busy ? what : null);
    }

    @Override
    public char[] askPin(String prompt) {
        return Dialogs.askPin(shell.frame(), texts.text("ui.pin.title"), prompt, texts.text("ui.ok"), texts.text("ui.back"));
    }

    @Override
    public Optional<String> askIdNumber(String reason) {
        // The counter's question (Dialogs.askText): the desk's reason (the fault, or the right check digit), then the ask.
        return Dialogs.askText(shell.frame(), texts.text("ui.id.title"), "<html>" + escape(reason) + "<br>"
                + escape(texts.text("ui.id.prompt")) + "</html>", "", texts.text("ui.ok"), texts.text("ui.back"));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public boolean confirmCancel(String mdtrtId) {
        JTextArea ask = new JTextArea(texts.text("ui.cancel.ask", mdtrtId), 3, 36);
        ask.setName("reg.cancel.ask");
        ask.setEditable(false);
        ask.setLineWrap(true);
        ask.setWrapStyleWord(true);
        ask.setOpaque(false);
        return Dialogs.ask(shell.frame(), texts.text("ui.cancel.title"), ask, null, texts.text("ui.ok"), texts.text("ui.back"));
    }

    @Override
    public void showVisit(VisitAnswer a) {
        headline.setText(a.headline());
        headline.setForeground(a.served() ? Theme.GREEN : Theme.RED);
        StringBuilder s = new StringBuilder();
        a.split().forEach(l -> s.append(l.label()).append(": ").append(l.amount()).append('\n'));
        a.fundNote().ifPresent(n -> s.append(n).append('\n'));
        split.setText(s.toString());
        String holder = a.outcome().card().map(c -> c.name() + "  " + c.cardNoMasked() + "\n").orElse("");
        detail.setFont(fonts.fontFor(holder, Font.PLAIN, detail.getFont().getSize()));
        detail.setText(holder + a.detail());
        if (a.served()) {
            a.outcome().visit().ifPresent(visit::setText);
        }
        slipLine.keys(model.slipReady(), texts.text("ui.slip_keys"), busyLabel.getForeground());
    }

    @Override
    public void showCard(CardPanel card) {
        cardSide.showCard(card);
    }

    @Override
    public void showSlip(String line, boolean problem) {
        slipLine.copy(line, problem);
    }

    @Override
    public void showMessage(String message) {
        headline.setText(" ");
        split.setText("");
        detail.setText(message);
    }

    // ---------------------------------------------------------------- parts

    private static JPanel titled(java.awt.Component c, String title) {
        JPanel p = new JPanel(new BorderLayout());
        p.add(c, BorderLayout.CENTER);
        p.setBorder(BorderFactory.createTitledBorder(title));
        return p;
    }

    private JButton button(String name, String text, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setFocusable(false);
        b.addActionListener(e -> action.run());
        actions.add(b);
        return b;
    }

    /** The table of {@code visits}, its titles and cells in the screen's language. */
    private static RowsTableModel<OpenVisit> visitsTable(Texts texts) {
        return new RowsTableModel<>(List.of("ui.col.visit", "ui.col.dept",
                "ui.col.doctor", "ui.col.card", "ui.col.holder", "ui.col.fee"), texts::text, (v, c) -> switch (c) {
            case 0 -> v.mdtrtId();
            case 1 -> v.deptName();
            case 2 -> v.doctorName();
            case 3 -> v.cardNoMasked();
            case 4 -> v.holderName();
            default -> v.feeText();
        });
    }
}
