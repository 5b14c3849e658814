package org.medcard.terminal.ui.supervisor;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import javax.swing.JComponent;
import javax.swing.JTabbedPane;

import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.device.DeviceListing;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.DayCloseModel;
import org.medcard.terminal.present.supervisor.OperatorsModel;
import org.medcard.terminal.present.supervisor.SettingsModel;
import org.medcard.terminal.present.supervisor.TamperModel;
import org.medcard.terminal.present.supervisor.VoidModel;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.Screen;

/**
 * The supervisor's screen: five tabs (Alt+1 void, Alt+2 day close, Alt+3 operators, Alt+4 settings, Alt+5 tamper
 * findings), each with
 * its own F-keys. Only for the SUPERVISOR role.
 */
public final class SupervisorScreen implements Screen {

    static final String BUNDLE = "org.medcard.terminal.present.supervisor.texts";

    private final JTabbedPane tabs;
    private final Texts texts;
    private final VoidTab voidTab;
    private final DayCloseTab dayCloseTab;
    private final OperatorsTab operatorsTab;
    private final SettingsTab settingsTab;
    private final OperatorsModel operators;
    private final SettingsModel settings;
    private final TamperTab tamperTab;
    private final TamperModel tamper;

    private SupervisorScreen(Texts texts, VoidTab v, DayCloseTab d, OperatorsTab o, SettingsTab s, OperatorsModel om, SettingsModel sm,
                             TamperTab t, TamperModel tm) {
        this.texts = texts;
        this.voidTab = v;
        this.dayCloseTab = d;
        this.operatorsTab = o;
        this.settingsTab = s;
        this.operators = om;
        this.settings = sm;
        this.tamperTab = t;
        this.tamper = tm;
        this.tabs = new JTabbedPane();
        tabs.setName("supervisor");
        tabs.addTab(texts.text("ui.tab.void"), v);
        tabs.addTab(texts.text("ui.tab.dayclose"), d);
        tabs.addTab(texts.text("ui.tab.operators"), o);
        tabs.addTab(texts.text("ui.tab.settings"), s);
        tabs.addTab(texts.text("ui.tab.tamper"), t);
        for (int i = 0; i < 5; i++) {
            tabs.setMnemonicAt(i, KeyEvent.VK_1 + i);
        }
        tabs.addChangeListener(e -> focusTab());
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(BUNDLE);
        VoidTab v = new VoidTab(texts, ctx.shell());
        // Every void's receipt goes into the one journal, as the CLI's does (medcard receipt list / reprint).
        // Issue 15: the Issued is kept for F7 print / F8 save, through the one desk as the counter's receipts.
        VoidModel.Journal journal = (o, reason, supervisor) -> ctx.terminal().voidDocuments().voidReceipt(o, reason, supervisor);
        v.attach(new VoidModel(ctx.terminal().voidDesk(ctx.operators()), ctx.terminal().voidTexts(), journal, ctx.outcomeSlip(), ctx.locale(), v, ctx.worker(), ctx.ui()));
        v.attachPick(new org.medcard.terminal.present.supervisor.VoidPickModel(
                new org.medcard.terminal.present.supervisor.TodaysSales(ctx.terminal().receipts().journal()), ctx.terminal().clock(),
                ctx.locale(), v, ctx.worker(), ctx.ui()));
        DayCloseTab d = new DayCloseTab(texts, ctx.shell());
        var core = ctx.terminal();
        d.attach(new DayCloseModel(core::dayClose, core.audit(), core.receipts(), core.letterhead(), core.clock(), core.language(),
                ctx.operatorName(), d, ctx.worker(), ctx.ui()));
        // Issue 15: the journalled report on screen, printed and saved through the one receipt desk.
        d.attachReport(new org.medcard.terminal.present.supervisor.DayCloseReportModel(new org.medcard.terminal.present.supervisor.ReceiptCopies(
                ctx.terminal().receipts(), ctx.receiptsDir()), ctx.terminal().clock(), ctx.locale(), d,
                ctx.worker(), ctx.ui()));
        OperatorsTab o = new OperatorsTab(texts, ctx.shell());
        OperatorsModel om = new OperatorsModel(ctx.operators(), () -> ctx.shell().operator().orElseThrow(), ctx.locale(), o,
                ctx.worker(), ctx.ui());
        o.attach(om);
        SettingsTab s = new SettingsTab(texts, ctx.shell());
        Path dataDir = ctx.terminal().config().dataDir();
        SettingsModel sm = new SettingsModel(dataDir.resolve("medcard.properties"), new ConfigLoader(dataDir), ctx.terminal().audit(),
                ctx.operatorName(), new DeviceListing()::readerChoices, ctx.locale(), s,
                ctx.worker(), ctx.ui());
        s.attach(sm);
        TamperTab t = new TamperTab(texts, ctx.shell());
        TamperModel tm = new TamperModel(ctx.terminal().tamperFindings(),
                ctx.operatorName(), ctx.locale(), t, ctx.worker(), ctx.ui());
        t.attach(tm);
        return Optional.of(new SupervisorScreen(texts, v, d, o, s, om, sm, t, tm));
    }

    @Override
    public String id() {
        return "supervisor";
    }

    @Override
    public String title() {
        return texts.text("ui.title");
    }

    @Override
    public JComponent component() {
        return tabs;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SUPERVISOR);
    }

    @Override
    public void shown() {
        operators.refresh();
        settings.load();
        tamper.refresh();
        focusTab();
    }

    /** The void's kept receipt is not the next operator's to print (issue 15). */
    @Override
    public void signedOut() {
        voidTab.signedOut();
    }

    @Override
    public void focusMain() {
        focusTab();
    }

    /** Shows tab {@code index} (0 void, 1 day close, 2 operators, 3 settings, 4 tamper findings); for tests and screenshots. */
    public void showTab(int index) {
        tabs.setSelectedIndex(index);
    }

    private void focusTab() {
        switch (tabs.getSelectedIndex()) {
            case 0 -> voidTab.focusFirst();
            case 1 -> dayCloseTab.focusFirst();
            case 2 -> operatorsTab.focusFirst();
            case 3 -> settingsTab.focusFirst();
            default -> tamperTab.focusFirst();
        }
    }
}
