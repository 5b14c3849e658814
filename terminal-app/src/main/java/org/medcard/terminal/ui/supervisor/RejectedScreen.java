package org.medcard.terminal.ui.supervisor;

import java.util.Optional;
import java.util.Set;

import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.rejected.RejectedModel;
import org.medcard.terminal.rejected.RejectedDesk;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.PanelScreen;
import org.medcard.terminal.ui.shell.Screen;

/**
 * The supervisor's screen of messages the center rejected (issue 14). Only for the SUPERVISOR role. A screen of its
 * own (not a sixth tab), in this package because the shell lists it beside the supervisor screen.
 */
public final class RejectedScreen extends PanelScreen<RejectedPanel, RejectedModel> {

    private RejectedScreen(RejectedPanel panel, RejectedModel model, Texts texts) {
        super("rejected", texts.text("ui.title"), Set.of(Role.SUPERVISOR), panel, model);
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(RejectedModel.BUNDLE);
        RejectedPanel panel = new RejectedPanel(texts, ctx.shell());
        var t = ctx.terminal();
        RejectedDesk desk = t.rejectedDesk();
        RejectedModel model = new RejectedModel(desk, ctx.operatorName(), ctx.locale(), panel, ctx.worker(), ctx.ui());
        panel.attach(model);
        return Optional.of(new RejectedScreen(panel, model, texts));
    }

    @Override
    public void shown() {
        panel().focusFirst();
        model().refresh();
    }
}
