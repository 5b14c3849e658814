package org.medcard.terminal.ui.supervisor;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.supervisor.SettingsForm;
import org.medcard.terminal.present.supervisor.SettingsModel;
import org.medcard.terminal.present.supervisor.SettingsSaved;
import org.medcard.terminal.present.supervisor.SettingsView;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.Shell;
import org.medcard.terminal.ui.shell.Theme;

/**
 * Settings: the reader and PSAM chosen among the machine's PC/SC readers, serial ports and the simulator (or
 * typed), the center URL, printer, language, offline mode and limits. F5 or Enter saves, F6 reads the file again.
 */
final class SettingsTab extends JPanel implements SettingsView {

    private final Shell shell;
    private final JComboBox<String> reader = combo("settings.reader");
    private final JComboBox<String> psam = combo("settings.psam");
    private final JTextField center = field("settings.center");
    private final JTextField printer = field("settings.printer");
    private final JComboBox<String> language = new JComboBox<>(new String[] {"zh_CN", "en"});
    private final JComboBox<String> mode = new JComboBox<>(new String[] {"STORE_AND_FORWARD", "CASH_RESETTLE"});
    private final JTextField perSale = field("settings.per_sale");
    private final JTextField perCard = field("settings.per_card");
    private final JTextField total = field("settings.total");
    private final JTextField oldest = field("settings.oldest");
    /** The keys beyond the first ten (issue 15), by configuration key: text, password or choice fields. */
    private final Map<String, JComponent> more = new LinkedHashMap<>();
    private final JLabel headline = Parts.headline("settings.headline");
    private final JTextArea changes = Parts.text("settings.changes", 5);
    private final JButton save;
    private SettingsModel model;

    SettingsTab(Texts texts, Shell shell) {
        super(new BorderLayout(12, 12));
        this.shell = shell;
        setName("supervisor.settings");
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        language.setName("settings.language");
        mode.setName("settings.mode");
        // Issue 15: the mode by name in the UI's language; the value saved stays the configuration's word.
        mode.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                                                                   boolean selected, boolean focus) {
                String key = "offline_mode." + value;
                return super.getListCellRendererComponent(list, texts.has(key) ? texts.text(key) : value, index, selected, focus);
            }
        });
        Map<String, JComponent> fields = new LinkedHashMap<>();
        fields.put("reader", reader);
        fields.put("psam", psam);
        fields.put("center.url", center);
        fields.put("printer", printer);
        fields.put("language", language);
        fields.put("offline.mode", mode);
        fields.put("offline.limit.per_sale", perSale);
        fields.put("offline.limit.per_card_per_day", perCard);
        fields.put("offline.limit.terminal_total", total);
        fields.put("offline.limit.oldest_hours", oldest);
        // Issue 15: every key of docs/configuration.md, in its order; the ten above keep their own fields.
        JPanel form = new JPanel(new GridLayout(0, 2, 8, 6));
        for (String key : SettingsForm.ALL_KEYS) {
            JComponent c = fields.computeIfAbsent(key, this::moreField);
            form.add(new JLabel(texts.text("setting." + key)));
            form.add(c);
            Keys.bind(c, "ENTER", this::save);
            // The form is taller than a 768-line screen: the field with the focus is scrolled into view.
            c.addFocusListener(new java.awt.event.FocusAdapter() {
                @Override
                public void focusGained(java.awt.event.FocusEvent e) {
                    c.scrollRectToVisible(new java.awt.Rectangle(0, 0, c.getWidth(), c.getHeight()));
                }
            });
        }
        JPanel top = new JPanel(new BorderLayout(4, 4));
        JScrollPane formScroll = new JScrollPane(form);
        formScroll.setName("settings.form");
        formScroll.getVerticalScrollBar().setUnitIncrement(16);
        formScroll.setPreferredSize(new java.awt.Dimension(600, 320));
        top.add(formScroll, BorderLayout.CENTER);
        JTextArea hint = Parts.text("settings.hint", 2);
        hint.setText(texts.text("ui.settings.hint"));
        top.add(hint, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        JPanel result = new JPanel(new BorderLayout(4, 4));
        result.add(headline, BorderLayout.NORTH);
        result.add(new JScrollPane(changes), BorderLayout.CENTER);
        add(result, BorderLayout.CENTER);
        save = Parts.button("settings.save", texts.text("ui.settings.save"), this::save);
        JPanel buttons = new JPanel(new org.medcard.terminal.ui.shell.KeyRowLayout(8, 8));
        buttons.add(save);
        buttons.add(Parts.button("settings.reload", texts.text("ui.settings.reload"), () -> model.load()));
        add(buttons, BorderLayout.SOUTH);
        Keys.bind(this, "F5", this::save);
        Keys.bind(this, "F6", () -> model.load());
    }

    void attach(SettingsModel m) {
        this.model = m;
    }

    void focusFirst() {
        reader.requestFocusInWindow();
    }

    private void save() {
        Map<String, String> others = new LinkedHashMap<>();
        more.forEach((k, c) -> others.put(k, value(c)));
        model.save(new SettingsForm(text(reader), text(psam), center.getText(), printer.getText(), (String) language.getSelectedItem(),
                (String) mode.getSelectedItem(), perSale.getText(), perCard.getText(), total.getText(), oldest.getText(), others));
    }

    /** A field for a key beyond the first ten: a choice for the keys with fixed values, masked for passwords. */
    private JComponent moreField(String key) {
        List<String> choices = switch (key) {
            case "institution.kind" -> List.of("PHARMACY", "HOSPITAL");
            case "pcsc.provider" -> List.of("jna", "sun");
            case "center.truststore.type", "center.keystore.type" -> List.of("PKCS12", "JKS");
            case "receipt.paper" -> List.of("80mm", "A4");
            default -> List.of();
        };
        JComponent c;
        if (!choices.isEmpty()) {
            c = new JComboBox<>(choices.toArray(String[]::new));
        } else if (SettingsForm.secret(key)) {
            c = new javax.swing.JPasswordField(24);
        } else {
            c = new JTextField(24);
        }
        c.setName("settings." + key);
        more.put(key, c);
        return c;
    }

    private static String value(JComponent c) {
        if (c instanceof javax.swing.JPasswordField p) {
            return new String(p.getPassword());
        } else if (c instanceof JTextField f) {
            return f.getText();
        } else if (c instanceof JComboBox<?> b) {
            return b.getSelectedItem() == null ? "" : b.getSelectedItem().toString();
        }
        return "";
    }

    private static void show(JComponent c, String value) {
        if (c instanceof JTextField f) {
            f.setText(value);
        } else if (c instanceof JComboBox<?> b) {
            for (int i = 0; i < b.getItemCount(); i++) {
                if (b.getItemAt(i).toString().equalsIgnoreCase(value)) {
                    b.setSelectedIndex(i);
                }
            }
        }
    }

    private static String text(JComboBox<String> c) {
        Object v = c.isEditable() ? c.getEditor().getItem() : c.getSelectedItem();
        return v == null ? "" : v.toString();
    }

    @Override
    public void showSettings(SettingsForm f, List<String> readerChoices) {
        fill(reader, readerChoices, f.reader());
        fill(psam, readerChoices, f.psam());
        center.setText(f.centerUrl());
        printer.setText(f.printer());
        language.setSelectedItem(f.language());
        mode.setSelectedItem(f.offlineMode());
        perSale.setText(f.perSale());
        perCard.setText(f.perCardPerDay());
        total.setText(f.terminalTotal());
        oldest.setText(f.oldestHours());
        f.more().forEach((k, v) -> {
            if (more.containsKey(k)) {
                show(more.get(k), v);
            }
        });
        headline.setText(" ");
        changes.setText("");
    }

    private static void fill(JComboBox<String> c, List<String> choices, String current) {
        c.removeAllItems();
        choices.forEach(c::addItem);
        if (!choices.contains(current)) {
            c.addItem(current);
        }
        c.setSelectedItem(current);
    }

    @Override
    public void showSaved(SettingsSaved s) {
        headline.setText(s.headline());
        headline.setForeground(s.saved() ? Theme.GREEN : s.changes().isEmpty() ? Theme.GREY : Theme.RED);
        changes.setText(String.join("\n", s.changes()));
    }

    @Override
    public void showBusy(boolean busy, String what) {
        save.setEnabled(!busy);
        shell.progress(busy ? what : null);
    }

    @Override
    public void showMessage(String message) {
        headline.setText(" ");
        changes.setText(message);
    }

    private static JComboBox<String> combo(String name) {
        JComboBox<String> c = new JComboBox<>();
        c.setName(name);
        c.setEditable(true);
        return c;
    }

    private static JTextField field(String name) {
        JTextField f = new JTextField(24);
        f.setName(name);
        return f;
    }
}
