package org.medcard.terminal.ui;

import java.util.List;

import org.medcard.terminal.ui.counter.CounterScreen;
import org.medcard.terminal.ui.shell.ScreenFactory;

/**
 * The app's screens, in the order of their switch buttons (Ctrl+1, Ctrl+2, ...). The first one that the signed-in
 * operator may open is shown after sign-in. To add a screen: one line here (see docs/desktop-app.md).
 */
public final class Screens {

    private Screens() {
    }

    public static List<ScreenFactory> all() {
        return List.of(
                // A hospital's registration window opens on the registration desk (absent on pharmacy terminals).
                org.medcard.terminal.ui.registration.RegistrationScreen::create,
                CounterScreen::create,
                org.medcard.terminal.ui.queue.QueueScreen::create,
                org.medcard.terminal.ui.supervisor.SupervisorScreen::create,
                org.medcard.terminal.ui.supervisor.RejectedScreen::create,
                // Issue 15: for every operator; F11 at the counter opens it.
                org.medcard.terminal.ui.supervisor.ReprintScreen::create
        );
    }
}
