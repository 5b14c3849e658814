package org.medcard.terminal.ui.shell;

import java.util.Set;
import javax.swing.JComponent;

import org.medcard.terminal.operator.Role;

/**
 * A screen made of one panel and the presentation model behind it: the id, title, roles and component every such
 * screen answered in the same words, written once. A screen adds what it does when shown, focused or signed out.
 *
 * @param <P> the screen's panel (its Swing view)
 * @param <M> the screen's presentation model, for the screen's own wiring and tests
 */
public abstract class PanelScreen<P extends JComponent, M> implements Screen {

    private final String id;
    private final String title;
    private final Set<Role> roles;
    private final P panel;
    private final M model;

    /**
     * @param id    the stable id the shell switches by
     * @param title the switch button's title, in the terminal's language
     * @param roles who may open it; empty: every signed-in operator
     */
    protected PanelScreen(String id, String title, Set<Role> roles, P panel, M model) {
        this.id = id;
        this.title = title;
        this.roles = Set.copyOf(roles);
        this.panel = panel;
        this.model = model;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final JComponent component() {
        return panel;
    }

    @Override
    public final Set<Role> roles() {
        return roles;
    }

    /** The panel, for the screen's focus and sign-out handling. */
    protected final P panel() {
        return panel;
    }

    /** The screen's presentation model. */
    public final M model() {
        return model;
    }
}
