package org.medcard.terminal.ui.counter;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

import org.medcard.terminal.present.counter.CardPanel;
import org.medcard.terminal.present.counter.TrainingCard;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.ui.shell.Dialogs;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * The card panel: the status banner (green, amber with the rule's note, red with the refusing rule, grey without a
 * card) over the holder's name, masked ID and card numbers, scheme, region and balance. The pharmacy counter and the
 * registration desk show the same one (issue 15). Its parts are named {@code <prefix>.banner}, {@code <prefix>.name},
 * {@code <prefix>.id}, {@code <prefix>.cardno}, {@code <prefix>.scheme}, {@code <prefix>.region},
 * {@code <prefix>.balance} for GUI tests. Event thread only.
 */
public final class CardSide extends JPanel {

    private final Texts texts;
    private final UiFonts fonts;
    private final JLabel banner = new JLabel(" ", SwingConstants.CENTER);
    private final JLabel name;
    private final JLabel id;
    private final JLabel cardNo;
    private final JLabel scheme;
    private final JLabel region;
    private final JLabel balance;
    private final JPanel fields = new JPanel(new GridBagLayout());
    private final GridBagConstraints c = new GridBagConstraints();

    /**
     * @param texts   the counter's bundle ({@code CounterModel.BUNDLE}): the card panel's words are the same at every desk
     * @param prefix  the parts' names' prefix ({@code counter}, {@code reg})
     * @param compact narrower, with a smaller banner font (the registration desk, whose lists need the width at
     *                1024×768): the longest rule's message still wraps whole inside the banner
     */
    public CardSide(Texts texts, UiFonts fonts, String prefix, boolean compact) {
        super(new BorderLayout(8, 8));
        int width = compact ? 300 : 420;
        int bannerHeight = compact ? 170 : 190;
        this.texts = texts;
        this.fonts = fonts;
        setName(prefix + ".card");
        setPreferredSize(new Dimension(width, 10));
        setBorder(BorderFactory.createTitledBorder(texts.text("card.title")));
        banner.setName(prefix + ".banner");
        banner.setOpaque(true);
        banner.setForeground(Color.WHITE);
        banner.putClientProperty("FlatLaf.styleClass", compact ? "h3" : "h2");
        banner.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        banner.setPreferredSize(new Dimension(width - 20, bannerHeight));
        banner.setVerticalAlignment(SwingConstants.CENTER);
        add(banner, BorderLayout.NORTH);
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 4, 3, 4);
        c.gridy = 0;
        name = row("card.name", prefix + ".name");
        id = row("card.id", prefix + ".id");
        cardNo = row("card.no", prefix + ".cardno");
        scheme = row("card.scheme", prefix + ".scheme");
        region = row("card.region", prefix + ".region");
        balance = row("card.balance", prefix + ".balance");
        JPanel top = new JPanel(new BorderLayout());
        top.add(fields, BorderLayout.NORTH);
        add(top, BorderLayout.CENTER);
        showCard(CardPanel.empty(texts.text("card.insert")));
    }

    /** One more labelled line under the card's (the counter's "pay for"); its value label, named {@code name}. */
    public JLabel row(String key, String valueName) {
        JLabel value = new JLabel(" ");
        value.setName(valueName);
        c.gridx = 0;
        fields.add(new JLabel(texts.text(key)), c);
        c.gridx = 1;
        fields.add(value, c);
        c.gridy++;
        return value;
    }

    /** A line under the fields (the counter's busy line). */
    public void footer(JComponent line) {
        add(line, BorderLayout.SOUTH);
    }

    public void showCard(CardPanel card) {
        // The name may need a supplementary font (𠮷); sized from the current (zoomed) default font.
        int size = Math.round(javax.swing.UIManager.getFont("defaultFont").getSize2D() * 1.4f);
        name.setFont(fonts.fontFor(card.name(), Font.BOLD, size));
        name.setText(card.name().isEmpty() ? " " : card.name());
        id.setText(blank(card.idMasked()));
        cardNo.setText(blank(card.cardMasked()));
        scheme.setText(blank(card.scheme()));
        region.setText(blank(card.region()));
        balance.setText(card.balanceFen().isPresent() ? Texts.yuan(card.balanceFen().getAsLong()) : " ");
        banner.setText("<html><div style='text-align:center'>" + escape(card.bannerText()) + "</div></html>");
        banner.setBackground(switch (card.banner()) {
            case OK -> Theme.GREEN;
            case WARNING -> Theme.AMBER;
            case REFUSED -> Theme.RED;
            case NONE -> Theme.GREY;
        });
    }

    /**
     * F9 in training mode, at every desk with a card panel: the simulated cards to put in the reader, chosen with the
     * arrow keys and Enter; empty when the desk has none (no training reader) or the operator went back. A scan closes
     * the list without choosing (its code goes to the screen's type-ahead, as in every chooser).
     */
    public static Optional<TrainingCard> chooseTrainingCard(JFrame owner, Texts texts, List<TrainingCard> cards) {
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        return Dialogs.choose(owner, texts.text("training.title"), cards,
                t -> t.profile() + " — " + t.holderName() + " — " + t.description(), texts.text("split.confirm"),
                texts.text("split.back"));
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? " " : s;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
