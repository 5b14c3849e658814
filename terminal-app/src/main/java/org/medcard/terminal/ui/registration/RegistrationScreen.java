package org.medcard.terminal.ui.registration;

import java.util.Optional;
import javax.swing.JComponent;

import org.medcard.terminal.config.TerminalKind;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.registration.RegistrationDeskModel;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.Screen;

/** The registration desk as a screen of the shell, on HOSPITAL terminals only. */
public final class RegistrationScreen implements Screen {

    static final String BUNDLE = "org.medcard.terminal.present.registration.texts";

    private final RegistrationPanel panel;
    private final RegistrationDeskModel model;
    private final Texts texts;

    private RegistrationScreen(RegistrationPanel panel, RegistrationDeskModel model, Texts texts) {
        this.panel = panel;
        this.model = model;
        this.texts = texts;
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}: nothing on a pharmacy terminal. */
    public static Optional<Screen> create(AppContext ctx) {
        if (ctx.terminal().config().kind() != TerminalKind.HOSPITAL) {
            return Optional.empty();
        }
        Texts texts = ctx.texts(BUNDLE);
        DepartmentCatalog catalog = DepartmentCatalog.bundled();
        RegistrationPanel panel = new RegistrationPanel(texts, ctx.shell(), ctx.fonts());
        RegistrationDeskModel model = new RegistrationDeskModel(ctx.terminal().registrationDesk(catalog), catalog, ctx.locale(),
                ctx.operatorName(), panel, ctx.worker(), ctx.ui());
        // Issue 15: every registration slip and visit receipt journalled and kept for print / save, through the one desk.
        model.keepSlipsIn(ctx.terminal().visitDocuments(), new org.medcard.terminal.present.outcome.OutcomeSlip(
                new org.medcard.terminal.present.counter.DeskReceiptOutput(ctx.terminal().receipts(),
                        ctx.terminal().config().dataDir().resolve("receipts")), ctx.locale()));
        panel.attach(model);
        return Optional.of(new RegistrationScreen(panel, model, texts));
    }

    @Override
    public String id() {
        return "registration";
    }

    @Override
    public String title() {
        return texts.text("ui.title");
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void shown() {
        panel.focusDepartments();
    }

    @Override
    public void focusMain() {
        panel.focusDepartments();
    }

    @Override
    public void signedOut() {
        model.signedOut();
        panel.clear();
    }

    public RegistrationDeskModel model() {
        return model;
    }
}
