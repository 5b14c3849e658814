package org.medcard.terminal.ui.counter;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.table.AbstractTableModel;

import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.present.KeyBuffer;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.present.counter.CartLine;
import org.medcard.terminal.present.counter.CounterModel;
import org.medcard.terminal.present.counter.CounterView;
import org.medcard.terminal.present.counter.SaleDone;
import org.medcard.terminal.present.counter.SplitAnswer;
import org.medcard.terminal.present.counter.SplitOffer;
import org.medcard.terminal.present.counter.TrainingCard;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.KeyRowLayout;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.TypeAheadKeys;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * The counter screen. The code field keeps the focus: a scanner types the code and Enter; Up / Down move the
 * line selection, F-keys do the rest (shown on the buttons). Components are named for GUI tests:
 * {@code counter.code}, {@code counter.lines}, {@code counter.total}, {@code counter.banner}, {@code counter.name},
 * {@code counter.message}, {@code counter.result}, {@code counter.pay}, {@code split.tendered}, {@code pin.field}.
 */
final class CounterPanel extends JPanel implements CounterView {

    private final Texts texts;
    private final UiFonts fonts;
    private final Shell shell;
    private final JTextField code = new JTextField(24);
    private final LinesModel linesModel = new LinesModel();
    private final JTable lines;
    private final JLabel total = new JLabel(Texts.yuan(0), SwingConstants.RIGHT);
    private final JLabel message = new JLabel(" ");
    private final JTextArea result = new JTextArea(4, 30);
    /** The card panel, the same one the registration desk shows (issue 15). */
    private final CardSide cardSide;
    private final JLabel paysFor;
    private final JLabel busyLabel = new JLabel(" ");
    private final List<JButton> keys = new ArrayList<>();
    private CounterModel model;
    private CardPanel card = CardPanel.empty("");
    private SaleDone lastDone;
    /** Issue 15: keys typed while a sale runs, and codes scanned into its dialogs, applied when it ends. */
    private boolean busyNow;
    private TypeAheadKeys typeAhead;
    private final List<KeyBuffer.Typed> pending = new ArrayList<>();

    CounterPanel(Texts texts, UiFonts fonts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.texts = texts;
        this.fonts = fonts;
        this.shell = shell;
        this.lines = new JTable(linesModel);
        setName("counter");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        this.cardSide = new CardSide(texts, fonts, "counter", false);
        this.paysFor = cardSide.row("card.pays_for", "counter.paysfor");
        busyLabel.setName("counter.busy");
        busyLabel.setForeground(Theme.AMBER);
        cardSide.footer(busyLabel);
        add(itemsSide(), BorderLayout.CENTER);
        add(cardSide, BorderLayout.EAST);
    }

    void attach(CounterModel m) {
        this.model = m;
        // Held while the sale or card read runs; afterwards, keys that land on the cart, a key button or the window
        // before the focus is back in the code field are the code field's (issue 15: a scan lost under load).
        this.typeAhead = new TypeAheadKeys(shell.frame(), () -> busyNow && isShowing())
                .redirectStrays(c -> !busyNow && isShowing() && c != code && !editableText(c), this::typedAhead);
        add(keyRow(!m.trainingCards().isEmpty()), BorderLayout.SOUTH);
        code.addActionListener(e -> {
            String text = code.getText();
            code.setText("");
            model.scan(text);
        });
        Keys.bind(this, "F3", this::search);
        Keys.bind(this, "F4", this::changeQuantity);
        Keys.bind(this, "F5", this::chooseFamily);
        Keys.bind(this, "F6", this::removeLine);
        Keys.bind(this, "F7", model::printReceipt);
        Keys.bind(this, "F8", model::saveReceipt);
        Keys.bind(this, "F9", this::trainingCard);
        Keys.bind(this, "F10", model::removeTrainingCard);
        Keys.bind(this, "F12", model::pay);
        Keys.bind(this, "ESCAPE", this::escape);
        Keys.bind(this, "UP", () -> moveSelection(-1));
        Keys.bind(this, "DOWN", () -> moveSelection(1));
        showMessage(texts.text("ready"), false);
    }

    // ---------------------------------------------------------------- layout

    private JComponent itemsSide() {
        JPanel p = new JPanel(new BorderLayout(8, 8));
        JPanel top = new JPanel(new BorderLayout(8, 4));
        JLabel label = new JLabel(texts.text("code"));
        top.add(label, BorderLayout.WEST);
        code.setName("counter.code");
        // FlatLaf style classes follow the zoom (an explicitly derived font would not).
        code.putClientProperty("FlatLaf.styleClass", "h2");
        code.setToolTipText(texts.text("code.hint"));
        top.add(code, BorderLayout.CENTER);
        JLabel hint = new JLabel(texts.text("code.hint"));
        hint.setName("counter.hint");
        Theme.hint(hint);
        top.add(hint, BorderLayout.SOUTH);
        p.add(top, BorderLayout.NORTH);
        lines.setName("counter.lines");
        lines.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        lines.setFocusable(false);
        // The item's name gets the room (issue 15: in five equal columns at 1024 wide "多种维生素矿物质片" was cut to
        // "…"); the table shares its width out in these proportions: code, item, price, quantity, amount.
        int[] shares = {6, 12, 4, 3, 4};
        for (int c = 0; c < shares.length && c < lines.getColumnCount(); c++) {
            lines.getColumnModel().getColumn(c).setPreferredWidth(shares[c] * 20);
        }
        p.add(new JScrollPane(lines), BorderLayout.CENTER);
        JPanel bottom = new JPanel(new BorderLayout(8, 8));
        total.setName("counter.total");
        total.putClientProperty("FlatLaf.styleClass", "h00");
        JPanel totalRow = new JPanel(new BorderLayout());
        totalRow.add(new JLabel(texts.text("total")), BorderLayout.WEST);
        totalRow.add(total, BorderLayout.EAST);
        bottom.add(totalRow, BorderLayout.NORTH);
        message.setName("counter.message");
        bottom.add(message, BorderLayout.CENTER);
        result.setName("counter.result");
        result.setEditable(false);
        result.setFocusable(false);
        result.setLineWrap(true);
        result.setWrapStyleWord(true);
        result.putClientProperty("FlatLaf.styleClass", "large");
        bottom.add(result, BorderLayout.SOUTH);
        p.add(bottom, BorderLayout.SOUTH);
        return p;
    }

    private JComponent keyRow(boolean training) {
        JPanel p = new JPanel(new KeyRowLayout(6, 6));
        key(p, "key.search", "counter.key.search", this::search);
        key(p, "key.qty", "counter.key.qty", this::changeQuantity);
        key(p, "key.family", "counter.key.family", this::chooseFamily);
        key(p, "key.remove", "counter.key.remove", this::removeLine);
        key(p, "key.print", "counter.key.print", () -> model.printReceipt());
        key(p, "key.save", "counter.key.save", () -> model.saveReceipt());
        if (training) {
            key(p, "key.training_card", "counter.key.training", this::trainingCard);
            key(p, "key.remove_card", "counter.key.removecard", () -> model.removeTrainingCard());
        }
        key(p, "key.next", "counter.key.next", this::escape);
        JButton pay = key(p, "key.pay", "counter.pay", () -> model.pay());
        pay.setFont(pay.getFont().deriveFont(Font.BOLD));
        return p;
    }

    private JButton key(JPanel row, String textKey, String name, Runnable action) {
        JButton b = new JButton("<html><center>" + texts.text(textKey).replaceFirst(" ", "<br>") + "</center></html>");
        b.setName(name);
        b.setFocusable(false);
        b.addActionListener(e -> {
            action.run();
            focusCode();
        });
        keys.add(b);
        row.add(b);
        return b;
    }

    /** Back to the code field (after a dialog too: the request is repeated once the dialog is gone). */
    void focusCode() {
        code.requestFocusInWindow();
        javax.swing.SwingUtilities.invokeLater(() -> {
            if (!code.isFocusOwner() && code.isShowing()) {
                code.requestFocus();
            }
        });
    }

    // ---------------------------------------------------------------- actions

    private void search() {
        String q = code.getText().trim();
        if (q.isEmpty()) {
            Optional<String> typed = askText(texts.text("key.search"), texts.text("code"), "");
            typed.ifPresent(model::search);
        } else {
            code.setText("");
            model.search(q);
        }
        focusCode();
    }

    private void changeQuantity() {
        int row = lines.getSelectedRow();
        if (row < 0) {
            row = linesModel.rows.size() - 1;
        }
        if (row < 0) {
            return;
        }
        CartLine l = linesModel.rows.get(row);
        int line = row;
        askText(texts.text("key.qty"), texts.text("qty.prompt", l.name()), String.valueOf(l.quantity())).ifPresent(t -> {
            try {
                model.setQuantity(line, Integer.parseInt(t.trim()));
            } catch (NumberFormatException e) {
                showMessage(texts.text("quantity.range", org.medcard.terminal.present.counter.Cart.MAX_QUANTITY), true);
            }
        });
        focusCode();
    }

    private void removeLine() {
        int row = lines.getSelectedRow();
        model.removeLine(row < 0 ? linesModel.rows.size() - 1 : row);
        focusCode();
    }

    private void chooseFamily() {
        if (card.family().isEmpty()) {
            showMessage(texts.text("card.pays_for") + ": " + texts.text("card.holder_self"), false);
            return;
        }
        // The first row is the holder (an empty psn_no), then the bound family members.
        List<Optional<PersonInfo.FamilyMember>> options = new ArrayList<>();
        options.add(Optional.empty());
        card.family().forEach(m -> options.add(Optional.of(m)));
        Dialogs.choose(shell.frame(), texts.text("card.pays_for"), options,
                o -> o.map(model::familyLabel).orElse(texts.text("card.holder_self") + " (" + card.name() + ")"),
                texts.text("split.confirm"), texts.text("split.back")).ifPresent(o -> {
                    model.payFor(o.map(m -> PaidFor.familyMember(m.psnNo())).orElse(PaidFor.cardholder()));
                    paysFor.setText(o.map(model::familyLabel).orElse(texts.text("card.holder_self")));
                });
        focusCode();
    }

    private void trainingCard() {
        List<TrainingCard> cards = model.trainingCards();
        if (cards.isEmpty()) {
            return;
        }
        CardSide.chooseTrainingCard(shell.frame(), texts, cards).ifPresent(c -> model.presentTrainingCard(c.profile()));
        focusCode();
    }

    private void escape() {
        if (!code.getText().isEmpty()) {
            code.setText("");
            return;
        }
        result.setText("");
        model.clearSale();
        focusCode();
    }

    private void moveSelection(int step) {
        int n = linesModel.rows.size();
        if (n == 0) {
            return;
        }
        int row = lines.getSelectedRow() < 0 ? n - 1 : Math.floorMod(lines.getSelectedRow() + step, n);
        lines.setRowSelectionInterval(row, row);
        lines.scrollRectToVisible(lines.getCellRect(row, 0, true));
    }

    private Optional<String> askText(String title, String prompt, String initial) {
        return Dialogs.askText(shell.frame(), title, prompt, initial, texts.text("split.confirm"), texts.text("split.back"));
    }

    // ---------------------------------------------------------------- CounterView

    @Override
    public void showCart(List<CartLine> rows, long totalFen) {
        int selected = lines.getSelectedRow();
        linesModel.set(rows);
        total.setText(Texts.yuan(totalFen));
        if (!rows.isEmpty()) {
            int row = selected >= 0 && selected < rows.size() ? selected : rows.size() - 1;
            lines.setRowSelectionInterval(row, row);
        }
        if (!rows.isEmpty()) {
            result.setText("");
        }
    }

    @Override
    public void showCard(CardPanel c) {
        if (c.present() && !c.cardMasked().equals(card.cardMasked())) {
            result.setText(""); // another patient's card: the last result is not theirs
        }
        this.card = c;
        cardSide.showCard(c);
        paysFor.setText(c.present() ? texts.text("card.holder_self") : " ");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void showMessage(String text, boolean problem) {
        message.setText(text);
        message.setForeground(problem ? Theme.RED : javax.swing.UIManager.getColor("Label.foreground"));
    }

    /** Keys typed ahead (during sign-in) or a code scanned into a dialog: scanned now, or when the sale ends. */
    void typedAhead(KeyBuffer.Typed typed) {
        if (busyNow) {
            pending.add(typed);
        } else {
            apply(typed);
        }
    }

    private static boolean editableText(java.awt.Component c) {
        return c instanceof javax.swing.text.JTextComponent t && t.isEditable() && t.isEnabled() && t.isShowing();
    }

    private void apply(KeyBuffer.Typed typed) {
        List<String> lines = typed.lines();
        if (!lines.isEmpty() && lines.get(0).isEmpty() && !code.getText().isBlank()) {
            // A bare Enter (one that missed the field): Enter in the field, for what the field holds.
            List<String> all = new ArrayList<>(lines);
            all.set(0, code.getText());
            code.setText("");
            lines = all;
        }
        lines.forEach(model::scan);
        if (!typed.rest().isEmpty()) {
            code.setText(code.getText() + typed.rest());
        }
        focusCode();
    }

    @Override
    public void busy(boolean busy, String what) {
        busyNow = busy;
        if (!busy && typeAhead != null) {
            List<KeyBuffer.Typed> ahead = new ArrayList<>(pending);
            pending.clear();
            KeyBuffer.Typed held = typeAhead.drain();
            ahead.add(new KeyBuffer.Typed(held.lines(), ""));
            // The unfinished rest goes into the field now, before any key typed after this moment lands after it.
            code.setText(code.getText() + held.rest());
            // After the model's own work for the ending sale (the cart emptied): in the order they came.
            javax.swing.SwingUtilities.invokeLater(() -> ahead.stream().filter(t -> !t.isEmpty()).forEach(this::apply));
        }
        busyLabel.setText(busy ? what : " ");
        code.setEnabled(!busy);
        keys.forEach(k -> k.setEnabled(!busy));
        shell.progress(busy ? what : null);
        if (!busy) {
            focusCode();
        }
    }

    @Override
    public Optional<CatalogItem> chooseItem(List<CatalogItem> matches) {
        Optional<CatalogItem> chosen = Dialogs.choose(shell.frame(), texts.text("choose.title"), matches,
                i -> i.code() + "  " + i.name() + "  " + (i.spec() == null ? "" : i.spec()) + "  " + Texts.yuan(i.priceFen()),
                texts.text("split.confirm"), texts.text("split.back"));
        focusCode();
        return chosen;
    }

    @Override
    public SplitAnswer confirmSplit(SplitOffer offer) {
        JPanel p = new JPanel(new GridBagLayout());
        p.setName("split");
        GridBagConstraints c = new GridBagConstraints();
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(4, 6, 4, 6);
        c.gridy = 0;
        offer.beneficiary().ifPresent(member -> pair(p, c, texts.text("split.for"), member, "split.for"));
        pair(p, c, texts.text("split.total"), Texts.yuan(offer.totalFen()), "split.total");
        pair(p, c, texts.text("split.fund"), Texts.yuan(offer.fundFen()), "split.fund");
        if (offer.fundNote().isPresent()) {
            JLabel note = new JLabel(offer.fundNote().get());
            note.setName("split.fund_note");
            c.gridx = 0;
            c.gridwidth = 2;
            p.add(note, c);
            c.gridwidth = 1;
            c.gridy++;
        }
        pair(p, c, texts.text("split.account"), Texts.yuan(offer.accountFen()), "split.account");
        pair(p, c, texts.text("split.cash"), Texts.yuan(offer.cashFen()), "split.cash");
        if (offer.allCash()) {
            c.gridx = 0;
            c.gridwidth = 2;
            p.add(new JLabel(texts.text("split.all_cash")), c);
            c.gridwidth = 1;
            c.gridy++;
        }
        JTextField tendered = new JTextField(10);
        tendered.setName("split.tendered");
        JLabel change = new JLabel(" ");
        change.setName("split.change");
        if (offer.cashFen() > 0) {
            c.gridx = 0;
            p.add(new JLabel(texts.text("split.tendered")), c);
            c.gridx = 1;
            p.add(tendered, c);
            c.gridy++;
            c.gridx = 0;
            p.add(new JLabel(texts.text("split.change")), c);
            c.gridx = 1;
            p.add(change, c);
            tendered.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
                private void update() {
                    long t = parseFen(tendered.getText());
                    change.setText(t >= offer.cashFen() ? Texts.yuan(t - offer.cashFen()) : " ");
                }

                @Override
                public void insertUpdate(javax.swing.event.DocumentEvent e) {
                    update();
                }

                @Override
                public void removeUpdate(javax.swing.event.DocumentEvent e) {
                    update();
                }

                @Override
                public void changedUpdate(javax.swing.event.DocumentEvent e) {
                    update();
                }
            });
        }
        boolean ok = Dialogs.ask(shell.frame(), texts.text("split.title"), p, offer.cashFen() > 0 ? tendered : null,
                texts.text("split.confirm"), texts.text("split.back"));
        if (!ok) {
            return SplitAnswer.back();
        }
        // Issue 15: Enter on an empty field is the exact amount (the fast path); a typed amount gives the change.
        long given = tendered.getText().isBlank() ? offer.cashFen() : Math.max(0, parseFen(tendered.getText()));
        return SplitAnswer.confirm(offer.cashFen() > 0 ? given : 0);
    }

    /** "50", "50.5", "50.50" yuan as fen; -1 when not an amount. */
    static long parseFen(String text) {
        try {
            return org.medcard.terminal.config.Money.parseYuan(text.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void pair(JPanel p, GridBagConstraints c, String label, String value, String name) {
        c.gridx = 0;
        p.add(new JLabel(label), c);
        c.gridx = 1;
        JLabel v = new JLabel(value);
        v.setName(name);
        v.setFont(v.getFont().deriveFont(Font.BOLD));
        p.add(v, c);
        c.gridy++;
    }

    @Override
    public char[] askPin(String holderName, long debitFen) {
        return askPin(holderName, debitFen, -1);
    }

    @Override
    public char[] askPin(String holderName, long debitFen, int triesLeft) {
        JPasswordField pin = new JPasswordField(8);
        pin.setName("pin.field");
        JPanel p = new JPanel(new BorderLayout(8, 8));
        JLabel prompt = new JLabel(texts.text("pin.prompt", holderName, Texts.yuan(debitFen)));
        prompt.setName("pin.prompt");
        prompt.setFont(fonts.fontFor(holderName, Font.PLAIN, prompt.getFont().getSize()));
        p.add(prompt, BorderLayout.NORTH);
        if (triesLeft > 0) {
            JLabel again = new JLabel(texts.text("pin.retry", triesLeft));
            again.setName("pin.retry");
            again.setForeground(Theme.RED);
            p.add(again, BorderLayout.SOUTH);
        }
        p.add(pin, BorderLayout.CENTER);
        boolean ok = Dialogs.ask(shell.frame(), texts.text("pin.title"), p, pin, texts.text("split.confirm"), texts.text("split.back"),
                Dialogs.OnScan.KEEP_OPEN);
        char[] typed = pin.getPassword();
        pin.setText("");
        if (!ok) {
            java.util.Arrays.fill(typed, '\0');
            return null;
        }
        return typed;
    }

    @Override
    public Optional<String> askIdNumber(String reason) {
        return askText(texts.text("id.title"), "<html>" + escape(reason) + "<br>" + escape(texts.text("id.prompt")) + "</html>", "");
    }

    @Override
    public void saleDone(SaleDone d) {
        lastDone = d;
        showResult(d, List.of());
        showMessage(d.served() ? texts.text("key.next") : d.message(), !d.served());
        focusCode();
    }

    @Override
    public void showMoney(org.medcard.terminal.present.counter.MoneyLines money) {
        if (lastDone != null) {
            showResult(lastDone, money.lines(texts));
        }
    }

    /** The result: the outcome's message, the money lines (or the change and the balance after), the receipt keys. */
    private void showResult(SaleDone d, List<String> money) {
        StringBuilder s = new StringBuilder(d.message());
        if (!money.isEmpty()) {
            money.forEach(line -> s.append('\n').append(line));
        }
        if (money.isEmpty() && d.served() && d.tenderedFen() > 0) {
            s.append('\n').append(texts.text("done.change", Texts.yuan(d.changeFen())));
        }
        if (money.isEmpty() && d.served() && d.balanceFen().isPresent()) {
            s.append('\n').append(texts.text("done.balance", Texts.yuan(d.balanceFen().getAsLong())));
        }
        if (d.hasReceipt()) {
            s.append('\n').append(texts.text("key.print")).append("  ·  ").append(texts.text("key.save"));
        }
        result.setText(s.toString());
        result.setForeground(d.served() ? Theme.GREEN : Theme.RED);
    }

    /** The cart table: code, item, price, quantity, amount. */
    private final class LinesModel extends AbstractTableModel {
        private List<CartLine> rows = List.of();

        void set(List<CartLine> r) {
            rows = List.copyOf(r);
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return 5;
        }

        @Override
        public String getColumnName(int column) {
            return texts.text(new String[] {"col.code", "col.name", "col.price", "col.qty", "col.amount"}[column]);
        }

        @Override
        public Object getValueAt(int row, int column) {
            CartLine l = rows.get(row);
            return switch (column) {
                case 0 -> l.code();
                case 1 -> l.name();
                case 2 -> Texts.yuan(l.unitPriceFen());
                case 3 -> l.quantity();
                default -> Texts.yuan(l.amountFen());
            };
        }
    }
}
