package org.medcard.terminal.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;

import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Screen;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.TypeAheadKeys;
import org.medcard.terminal.ui.signin.SignInPanel;
import org.medcard.terminal.ui.status.StatusBar;

/**
 * The shell: TRAINING MODE banner on top, the screen switcher (Ctrl+1..9, sign out Ctrl+L, theme Ctrl+D, zoom
 * Ctrl+Plus / Ctrl+Minus / Ctrl+0), the current screen in the centre (sign-in until someone signs in), the status
 * bar at the bottom. Event thread only.
 */
public final class MainWindow implements Shell {

    static final String SIGN_IN = "signin";

    private final JFrame frame;
    private final Texts texts;
    private final Theme theme;
    private final CardLayout cards = new CardLayout();
    private final JPanel centre = new JPanel(cards);
    // Wraps into a second row rather than hiding the last screens' keys off the edge (issue 15).
    private final JPanel nav = new JPanel(new org.medcard.terminal.ui.shell.WrapRowLayout(6, 4));
    private final JLabel who = new JLabel();
    private final StatusBar statusBar;
    private final SignInPanel signIn;
    private final List<Screen> screens = new ArrayList<>();
    private final List<JButton> screenButtons = new ArrayList<>();
    private Operator operator;
    private Screen current;
    /** Keys typed while the sign-in runs (a scanner's burst right after Enter), for the first screen (issue 15). */
    private final TypeAheadKeys signInKeys;

    public MainWindow(Texts texts, Theme theme, boolean trainingMode, String trainingText, StatusBar statusBar,
                      SignInPanel signIn) {
        this.texts = texts;
        this.theme = theme;
        this.statusBar = statusBar;
        this.signIn = signIn;
        frame = new JFrame(texts.text("app.title"));
        frame.setName("main");
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel top = new JPanel(new BorderLayout());
        if (trainingMode) {
            JLabel banner = new JLabel(trainingText, SwingConstants.CENTER);
            banner.setName("training.banner");
            banner.setOpaque(true);
            banner.setBackground(Theme.AMBER);
            banner.setForeground(Color.WHITE);
            banner.setFont(banner.getFont().deriveFont(Font.BOLD));
            banner.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
            top.add(banner, BorderLayout.NORTH);
        }
        who.setName("shell.operator");
        JPanel navRow = new JPanel(new BorderLayout());
        navRow.add(nav, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 4));
        right.add(who);
        JButton out = new JButton(texts.text("signout"));
        out.setName("shell.signout");
        out.setFocusable(false);
        out.addActionListener(e -> signOut());
        right.add(out);
        navRow.add(right, BorderLayout.EAST);
        // The keys hint has a line of its own: beside the screen buttons it pushed the last ones out of sight.
        JLabel keys = new JLabel(texts.text("keys"));
        keys.setName("shell.keys");
        Theme.hint(keys);
        JPanel hintRow = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        hintRow.add(keys);
        JPanel bar = new JPanel(new BorderLayout());
        bar.add(navRow, BorderLayout.NORTH);
        bar.add(hintRow, BorderLayout.SOUTH);
        top.add(bar, BorderLayout.SOUTH);
        centre.add(signIn, SIGN_IN);
        JPanel root = new JPanel(new BorderLayout());
        root.add(top, BorderLayout.NORTH);
        root.add(centre, BorderLayout.CENTER);
        root.add(statusBar, BorderLayout.SOUTH);
        frame.setContentPane(root);
        Keys.bindWindow(root, "ctrl L", this::signOut);
        Keys.bindWindow(root, "ctrl D", theme::toggleDark);
        Keys.bindWindow(root, "ctrl EQUALS", () -> theme.zoom(1));
        // Issue 15: "Ctrl+Plus" as shown is Ctrl+Shift+= on a US or Chinese keyboard (VK_EQUALS with Shift, not VK_PLUS).
        Keys.bindWindow(root, "shift ctrl EQUALS", () -> theme.zoom(1));
        Keys.bindWindow(root, "ctrl PLUS", () -> theme.zoom(1));
        Keys.bindWindow(root, "ctrl ADD", () -> theme.zoom(1));
        Keys.bindWindow(root, "ctrl MINUS", () -> theme.zoom(-1));
        Keys.bindWindow(root, "ctrl SUBTRACT", () -> theme.zoom(-1));
        Keys.bindWindow(root, "ctrl 0", () -> theme.zoom(0));
        fitToScreen();
        frame.getRootPane().putClientProperty(Dialogs.FOCUS_HOME, (Runnable) this::focusMain);
        frame.getRootPane().putClientProperty(Dialogs.SCAN_SINK, (java.util.function.Consumer<String>) code -> current()
                .ifPresent(s -> s.typedAhead(new org.medcard.terminal.present.KeyBuffer.Typed(List.of(code), ""))));
        signInKeys = new TypeAheadKeys(frame, () -> current == null && signIn.busyNow())
                // Signed in, the sign-in's fields are hidden: keys that still reach them belong to the first screen.
                .redirectStrays(c -> current != null && c != null && javax.swing.SwingUtilities.isDescendingFrom(c, signIn),
                        typed -> current().ifPresent(s -> s.typedAhead(typed)));
        frame.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                signInKeys.close();
            }
        });
        showSignIn();
    }

    /** The current screen's main field: where a closed dialog leaves the keys. */
    private void focusMain() {
        if (current != null) {
            current.focusMain();
        }
    }

    /** Screens up to this width (laptops, 1366×768 and 1920×1080 counter monitors) get the whole usable area. */
    static final int MAXIMIZE_UP_TO = 1920;
    /** The window on a wider screen: roomy, without stretching the counter across a 2560-pixel desk monitor. */
    private static final Dimension ROOMY = new Dimension(1280, 860);
    private static final Dimension SMALLEST = new Dimension(1024, 700);

    /**
     * Sizes the window to the screen's usable bounds (without task bars): a fixed 1280×860 put the status bar off
     * a 1366×768 screen and cut the sign-out button at 1024×768.
     */
    private void fitToScreen() {
        Rectangle usable = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        frame.setMinimumSize(new Dimension(Math.min(SMALLEST.width, usable.width), Math.min(SMALLEST.height, usable.height)));
        frame.setBounds(bounds(usable));
        if (usable.width <= MAXIMIZE_UP_TO) {
            frame.setExtendedState(JFrame.MAXIMIZED_BOTH); // a window manager keeps it so; without one the bounds do
        }
    }

    /**
     * The window's bounds on a screen whose usable area is {@code usable}: all of it up to {@link #MAXIMIZE_UP_TO}
     * wide, else 1280×860 (never more than the area) in its middle.
     */
    static Rectangle bounds(Rectangle usable) {
        if (usable.width <= MAXIMIZE_UP_TO) {
            return new Rectangle(usable);
        }
        int w = Math.min(ROOMY.width, usable.width);
        int h = Math.min(ROOMY.height, usable.height);
        return new Rectangle(usable.x + (usable.width - w) / 2, usable.y + (usable.height - h) / 2, w, h);
    }

    /** Adds a screen and its switch button (Ctrl+n in the order added). */
    public void add(Screen screen) {
        int n = screens.size() + 1;
        screens.add(screen);
        centre.add(screen.component(), screen.id());
        JButton b = new JButton(n <= 9 ? "Ctrl+" + n + " " + screen.title() : screen.title());
        b.setName("nav." + screen.id());
        b.setFocusable(false);
        b.addActionListener(e -> show(screen.id()));
        b.setVisible(allowed(screen));
        screenButtons.add(b);
        nav.add(b);
        if (n <= 9) {
            Keys.bindWindow((JComponent) frame.getContentPane(), "ctrl " + n, () -> show(screen.id()));
        }
    }

    public JFrame frame() {
        return frame;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public List<Screen> screens() {
        return List.copyOf(screens);
    }

    public Optional<Screen> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public Optional<Operator> operator() {
        return Optional.ofNullable(operator);
    }

    /** After a successful sign-in: the first screen this operator may open. */
    public void signedIn(Operator op) {
        operator = op;
        who.setText(texts.text("signed_in", op.displayName(), texts.text("role." + op.role().name())));
        for (int i = 0; i < screens.size(); i++) {
            screenButtons.get(i).setVisible(allowed(screens.get(i)));
        }
        screens.stream().filter(this::allowed).findFirst().ifPresentOrElse(s -> show(s.id()), () -> who.setText(
                texts.text("no_screen", op.displayName())));
        org.medcard.terminal.present.KeyBuffer.Typed ahead = signInKeys.drain();
        if (current != null && !ahead.isEmpty()) {
            current.typedAhead(ahead);
        }
        nav.revalidate();
    }

    private boolean allowed(Screen s) {
        if (operator == null) {
            return false;
        }
        Role role = operator.role();
        return s.roles().isEmpty() || s.roles().stream().anyMatch(role::covers);
    }

    @Override
    public void show(String screenId) {
        screens.stream().filter(s -> s.id().equals(screenId) && allowed(s)).findFirst().ifPresent(s -> {
            current = s;
            cards.show(centre, s.id());
            s.shown();
        });
    }

    @Override
    public void signOut() {
        if (operator == null) {
            return;
        }
        screens.forEach(Screen::signedOut);
        operator = null;
        current = null;
        showSignIn();
    }

    private void showSignIn() {
        who.setText(texts.text("not_signed_in"));
        screenButtons.forEach(b -> b.setVisible(false));
        cards.show(centre, SIGN_IN);
        signIn.reset();
    }

    @Override
    public void progress(String text) {
        statusBar.progress(text);
    }

    public Theme theme() {
        return theme;
    }
}
