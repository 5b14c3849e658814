package org.medcard.terminal.ui.registration;

import java.util.Optional;
import java.util.Set;

import org.medcard.terminal.config.TerminalKind;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.registration.RegistrationDeskModel;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.PanelScreen;
import org.medcard.terminal.ui.shell.Screen;

/** The registration desk as a screen of the shell, on HOSPITAL terminals only. */
public final class RegistrationScreen extends PanelScreen<RegistrationPanel, RegistrationDeskModel> {

    static final String BUNDLE = "org.medcard.terminal.present.registration.texts";

    private RegistrationScreen(RegistrationPanel panel, RegistrationDeskModel model, Texts texts) {
        super("registration", texts.text("ui.title"), Set.of(), panel, model);
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}: nothing on a pharmacy terminal. */
    public static Optional<Screen> create(AppContext ctx) {
        if (ctx.terminal().config().kind() != TerminalKind.HOSPITAL) {
            return Optional.empty();
        }
        Texts texts = ctx.texts(BUNDLE);
        DepartmentCatalog catalog = DepartmentCatalog.bundled();
        RegistrationPanel panel = new RegistrationPanel(texts, ctx.texts(org.medcard.terminal.present.counter.CounterModel.BUNDLE),
                ctx.shell(), ctx.fonts());
        RegistrationDeskModel model = new RegistrationDeskModel(ctx.terminal().registrationDesk(catalog), ctx.terminal().visitTexts(), catalog,
                ctx.locale(), ctx.operatorName(), panel, ctx.worker(), ctx.ui());
        // Issue 15: every registration slip and visit receipt journalled and kept for print / save, through the one desk.
        model.keepSlipsIn(ctx.terminal().visitDocuments(), ctx.outcomeSlip());
        // Issue 15: the card panel shows the app's one card watch, the card the pharmacy counter shows too.
        model.watchCards(ctx.cards());
        panel.attach(model);
        return Optional.of(new RegistrationScreen(panel, model, texts));
    }

    @Override
    public void shown() {
        panel().focusDepartments();
    }

    @Override
    public void focusMain() {
        panel().focusDepartments();
    }

    @Override
    public void signedOut() {
        model().signedOut();
        panel().clear();
    }
}
