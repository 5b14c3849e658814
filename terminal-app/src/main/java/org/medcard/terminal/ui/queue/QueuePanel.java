package org.medcard.terminal.ui.queue;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.queue.EntryRow;
import org.medcard.terminal.present.queue.ForwardProgress;
import org.medcard.terminal.present.queue.QueueFigures;
import org.medcard.terminal.present.queue.QueueModel;
import org.medcard.terminal.present.queue.QueueView;
import org.medcard.terminal.present.queue.ResettleAnswer;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.RowsTableModel;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.SlipLine;
import org.medcard.terminal.ui.shell.Theme;

/**
 * The queue screen. F5 refresh, F6 forward now, F7 open/all entries, F8 or Enter re-settle the selected entry,
 * Esc back to the counter. Named for GUI tests: {@code queue.waiting}, {@code queue.entries}, {@code queue.warning},
 * {@code queue.progress}, {@code queue.table}, {@code queue.headline}, {@code queue.detail}, {@code queue.forward},
 * {@code queue.resettle}.
 */
final class QueuePanel extends JPanel implements QueueView {

    private final Texts texts;
    private final Shell shell;
    private final JLabel waiting = label("queue.waiting", Font.BOLD, 1.3f);
    private final JLabel entriesLine = label("queue.entries", Font.PLAIN, 1f);
    private final JLabel warning = label("queue.warning", Font.BOLD, 1f);
    private final JProgressBar progress = new JProgressBar();
    private final JLabel progressLine = label("queue.progress.line", Font.PLAIN, 1f);
    private final RowsTableModel<EntryRow> rows;
   private final JTable table;
    private final JLabel headline = label("queue.headline", Font.BOLD, 1.6f);
    private final JTextArea detail = new JTextArea(3, 40);
    private final SlipLine slipLine = styled(new SlipLine(), "queue.slip", Font.PLAIN, 1f);
    private final JButton forward;
    private final JButton resettle;
    private final JButton toggle;
    private boolean onlyOpen = true;
    private QueueModel model;

    QueuePanel(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.texts = texts;
        this.rows = entriesTable(texts);
        this.shell = shell;
        this.table = new JTable(rows);
        setName("queue");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        warning.setForeground(Theme.RED);
        progress.setName("queue.progress");
        progress.setStringPainted(true);
        progress.setString("");
        JPanel top = new JPanel(new GridLayout(0, 1, 4, 4));
        top.add(waiting);
        top.add(entriesLine);
        top.add(warning);
        top.add(progress);
        top.add(progressLine);
        add(top, BorderLayout.NORTH);

        table.setName("queue.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(BorderFactory.createTitledBorder(texts.text("ui.entries.title")));
        add(scroll, BorderLayout.CENTER);

        detail.setName("queue.detail");
        detail.setEditable(false);
        detail.setLineWrap(true);
        detail.setWrapStyleWord(true);
        detail.setOpaque(false);
        JPanel result = new JPanel(new BorderLayout(4, 4));
        result.add(headline, BorderLayout.NORTH);
        result.add(detail, BorderLayout.CENTER);
        // Issue 15: Ctrl+P / Ctrl+S print or save the last re-settlement's receipt (F7/F8 are this screen's already).
        result.add(slipLine, BorderLayout.SOUTH);

        JPanel buttons = new JPanel(new org.medcard.terminal.ui.shell.KeyRowLayout(8, 8));
        buttons.add(Keys.button("queue.refresh", texts.text("ui.refresh"), () -> model.refresh()));
        forward = Keys.button("queue.forward", texts.text("ui.forward"), () -> model.forwardNow());
        buttons.add(forward);
        toggle = Keys.button("queue.toggle", texts.text("ui.show_all"), this::toggle);
        buttons.add(toggle);
        resettle = Keys.button("queue.resettle", texts.text("ui.resettle"), this::resettleSelected);
        buttons.add(resettle);
        buttons.add(Keys.button("queue.back", texts.text("ui.back"), () -> shell.show("counter")));
        JPanel south = new JPanel(new BorderLayout(8, 8));
        south.add(result, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);

        Keys.bind(this, "F5", () -> model.refresh());
        Keys.bind(this, "F6", () -> model.forwardNow());
        Keys.bind(this, "F7", this::toggle);
        Keys.bind(this, "F8", this::resettleSelected);
        Keys.bind(this, "ESCAPE", () -> shell.show("counter"));
        Keys.bind(this, "ctrl P", () -> model.printSlip());
        Keys.bind(this, "ctrl S", () -> model.saveSlip());
        Keys.bind(table, "ENTER", this::resettleSelected);
        // JTable binds F8 itself (focus the header): the table's own binding must say re-settle.
        Keys.bind(table, "F8", this::resettleSelected);
    }

    void attach(QueueModel m) {
        this.model = m;
    }

    void focusTable() {
        table.requestFocusInWindow();
        if (table.getRowCount() > 0 && table.getSelectedRow() < 0) {
            table.setRowSelectionInterval(0, 0);
        }
    }

    private void toggle() {
        onlyOpen = !onlyOpen;
        toggle.setText(texts.text(onlyOpen ? "ui.show_all" : "ui.show_open"));
        model.showOnlyOpen(onlyOpen);
    }

    private void resettleSelected() {
        int i = table.getSelectedRow();
        model.resettle(i < 0 ? "" : rows.row(table.convertRowIndexToModel(i)).entryNo());
    }

    // ---------------------------------------------------------------- QueueView

    @Override
    public void showFigures(QueueFigures f) {
        waiting.setText(f.waitingLine());
        waiting.setForeground(f.anythingWaiting() ? Theme.AMBER : Theme.GREEN);
        entriesLine.setText(f.entriesLine());
        warning.setText(f.warning().orElse(" "));
    }

    @Override
    public void showEntries(List<EntryRow> entries, boolean only) {
        rows.set(entries);
        if (!entries.isEmpty()) {
            table.setRowSelectionInterval(0, 0);
        }
    }

    @Override
    public void showForwarding(ForwardProgress p) {
        progress.setMaximum(Math.max(1, p.total()));
        progress.setValue(p.finished() && p.reachedCenter() ? progress.getMaximum() : p.sent());
        progress.setString(p.sent() + " / " + p.total());
        progressLine.setText(p.line());
        progressLine.setForeground(p.finished() && !p.reachedCenter() ? Theme.RED : UIManager.getColor("Label.foreground"));
    }

    @Override
    public void showBusy(boolean busy, String what) {
        forward.setEnabled(!busy);
        resettle.setEnabled(!busy);
        progress.setIndeterminate(busy && progress.getValue() == 0);
        shell.progress(busy ? what : null);
    }

    @Override
    public boolean confirmCardInserted(EntryRow entry) {
        JTextArea ask = new JTextArea(texts.text("ui.card.ask", entry.idMasked(), entry.entryNo(), entry.cashPaidText()), 3, 36);
        ask.setName("queue.card.ask");
        ask.setEditable(false);
        ask.setLineWrap(true);
        ask.setWrapStyleWord(true);
        ask.setOpaque(false);
        return Dialogs.ask(shell.frame(), texts.text("ui.card.title"), ask, null, texts.text("ui.ok"), texts.text("ui.cancel"));
    }

    @Override
    public char[] askPin(String prompt) {
        return Dialogs.askPin(shell.frame(), texts.text("ui.pin.title"), prompt, texts.text("ui.ok"), texts.text("ui.cancel"));
    }

    @Override
    public void showResettled(ResettleAnswer a) {
        headline.setText(a.headline());
        headline.setForeground(a.handBack() ? Theme.GREEN : a.outcome().kind() == org.medcard.terminal.resettle.ResettleOutcome.Kind.PENDING
                ? Theme.AMBER : Theme.RED);
        detail.setText(a.detail());
        slipLine.keys(model.slipReady(), texts.text("ui.slip_keys"),
                headline.getForeground() == Theme.RED ? Theme.RED : entriesLine.getForeground());
    }

    /** The cashier signed out: the last re-settlement on screen is not the next cashier's (issue 15). */
    void signedOut() {
        headline.setText(" ");
        detail.setText("");
        slipLine.setText(" ");
    }

    @Override
    public void showSlip(String line, boolean problem) {
        slipLine.copy(line, problem);
    }

    @Override
    public void showMessage(String message) {
        headline.setText(" ");
        detail.setText(message);
    }

    // ---------------------------------------------------------------- parts

    private JLabel label(String name, int style, float scale) {
        return styled(new JLabel(" "), name, style, scale);
    }

    private static <L extends JLabel> L styled(L l, String name, int style, float scale) {
        l.setName(name);
        Font f = l.getFont();
        l.setFont(f.deriveFont(style, f.getSize2D() * scale));
        return l;
    }

    /** The table of {@code entries}, its titles and cells in the screen's language. */
    private static RowsTableModel<EntryRow> entriesTable(Texts texts) {
        return new RowsTableModel<>(List.of("ui.col.entry", "ui.col.time", "ui.col.id",
                "ui.col.cash", "ui.col.state", "ui.col.where"), texts::text, (e, c) -> switch (c) {
            case 0 -> e.entryNo();
            case 1 -> e.originalTime();
            case 2 -> e.idMasked();
            case 3 -> e.cashPaidText();
            case 4 -> e.stateText();
            default -> texts.text(e.local() ? "ui.where.here" : "ui.where.other");
        });
    }
}
