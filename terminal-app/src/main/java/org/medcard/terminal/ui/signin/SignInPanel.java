package org.medcard.terminal.ui.signin;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;

import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.signin.SignInModel;
import org.medcard.terminal.present.signin.SignInView;
import org.medcard.terminal.ui.shell.Theme;

/**
 * Operator and password; Enter in the name field moves to the password, Enter there signs in. The password is
 * taken as {@code char[]} and the field cleared at once. Names: {@code signin.name}, {@code signin.password},
 * {@code signin.message}, {@code signin.training}.
 */
public final class SignInPanel extends JPanel implements SignInView {

    private final JTextField name = new JTextField(16);
    private final JPasswordField password = new JPasswordField(16);
    private final JButton signIn;
    private final JLabel message = new JLabel(" ");
    private final Consumer<Operator> onSignedIn;
    private SignInModel model;

    public SignInPanel(Texts texts, Consumer<Operator> onSignedIn) {
        super(new GridBagLayout());
        setName("signin");
        this.onSignedIn = onSignedIn;
        name.setName("signin.name");
        password.setName("signin.password");
        message.setName("signin.message");
        signIn = new JButton(texts.text("sign_in"));
        signIn.setName("signin.ok");
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(8, 8, 8, 8);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        JLabel title = new JLabel(texts.text("title"));
        title.putClientProperty("FlatLaf.styleClass", "h1");
        add(title, c);
        c.gridy++;
        add(new JLabel(texts.text("state")), c);
        c.gridwidth = 1;
        c.gridy++;
        add(new JLabel(texts.text("operator")), c);
        c.gridx = 1;
        add(name, c);
        c.gridx = 0;
        c.gridy++;
        add(new JLabel(texts.text("password")), c);
        c.gridx = 1;
        add(password, c);
        c.gridy++;
        add(signIn, c);
        c.gridx = 0;
        c.gridy++;
        c.gridwidth = 2;
        message.setForeground(Theme.RED);
        add(message, c);
        name.addActionListener(e -> password.requestFocusInWindow());
        password.addActionListener(e -> submit());
        signIn.addActionListener(e -> submit());
        this.texts = texts;
        this.trainingRow = c.gridy + 1;
    }

    private final Texts texts;
    private final int trainingRow;
    /** The window shows before the terminal is open (DesktopApp): a sign-in asked for meanwhile waits for the model. */
    private boolean pendingSubmit;

    /** Binds the model (made after the panel because the model needs the view). */
    public void attach(SignInModel m) {
        this.model = m;
        if (pendingSubmit) {
            pendingSubmit = false; // Enter was pressed while the terminal was still opening behind the window
            submit();
        }
        if (m.trainingHints().isEmpty()) {
            return;
        }
        JPanel hints = new JPanel(new GridBagLayout());
        hints.setName("signin.training");
        GridBagConstraints h = new GridBagConstraints();
        h.anchor = GridBagConstraints.WEST;
        h.gridx = 0;
        h.gridy = 0;
        JLabel head = new JLabel(texts.text("training.title"));
        head.setForeground(Theme.AMBER);
        head.setFont(head.getFont().deriveFont(Font.BOLD));
        hints.add(head, h);
        for (String line : m.trainingHints()) {
            h.gridy++;
            hints.add(new JLabel(line), h);
        }
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = trainingRow;
        c.gridwidth = 2;
        c.insets = new Insets(24, 8, 8, 8);
        c.anchor = GridBagConstraints.WEST;
        add(hints, c);
    }

    private void submit() {
        if (model == null) {
            pendingSubmit = true;
            return;
        }
        char[] pw = password.getPassword();
        password.setText("");
        model.signIn(name.getText(), pw);
    }

    /** Focus on the operator field (a fresh sign-in). */
    public void reset() {
        password.setText("");
        message.setText(" ");
        name.selectAll();
        name.requestFocusInWindow();
    }

    /** The sign-in is running (its fields are off): keys typed now are kept for the first screen (issue 15). */
    public boolean busyNow() {
        return !name.isEnabled();
    }

    @Override
    public void busy(boolean busy) {
        name.setEnabled(!busy);
        password.setEnabled(!busy);
        signIn.setEnabled(!busy);
        if (!busy) {
            password.requestFocusInWindow();
        }
    }

    @Override
    public void showMessage(String text) {
        message.setText(text);
    }

    @Override
    public void signedIn(Operator operator) {
        message.setText(" ");
        onSignedIn.accept(operator);
    }
}
