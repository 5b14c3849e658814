package org.medcard.terminal.text;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medcard.queue.Fault;
import org.medcard.terminal.config.Money;
import org.medcard.transport.CardFault;

/**
 * The terminal's one way to words: a resource bundle (English base, {@code _zh_CN} Simplified Chinese) read once,
 * in the terminal's language — a screen's own bundle, or the core's {@link #MESSAGES} ({@link #messages(Locale)})
 * that the desks and the CLI speak to the cashier in. Patterns with arguments are {@link MessageFormat} patterns in
 * the bundle's locale.
 */
public final class Texts {

    /** The core's bundle: the desks' and the CLI's cashier-facing sentences, fault and relation names. */
    public static final String MESSAGES = "org.medcard.terminal.messages";

    private static final Pattern CENTER_REASON = Pattern.compile("(?:infcode (-?\\d+): ?)+(.*)", Pattern.DOTALL);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle {@code baseName} (e.g. {@code org.medcard.terminal.present.counter.counter}) in {@code locale}. */
    public static Texts of(String baseName, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        // A missing zh_CN falls back to the base (English), never to the JVM's default locale.
        return new Texts(ResourceBundle.getBundle(baseName, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} so a test or a screenshot catches it. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The core's sentences ({@link #MESSAGES}) in {@code locale}. */
    public static Texts messages(Locale locale) {
        return of(MESSAGES, locale);
    }

    /** The text for {@code key}, or {@code fallback} when the bundle has no such key. */
    public String textOr(String key, String fallback, Object... args) {
        return has(key) ? text(key, args) : fallback;
    }

    /** A fault kind by its name in this language ("读卡器未连接"), never the enum name (issue 15). */
    public String faultName(Fault fault) {
        return textOr("fault." + fault.name(), fault.name());
    }

    /**
     * A reader's or card's fault kind in this language ("卡片已从读卡器取出"): what a user sees of a {@link CardFault};
     * its message, which names the kind, is for the log.
     */
    public String cardFault(CardFault.Kind kind) {
        return textOr("card_fault." + kind.name(), faultName(Fault.CARD_UNREADABLE));
    }

    /** A family relation (R3, 1101 {@code family.relation}) by name in this language; unknown codes as sent. */
    public String relationName(String relation) {
        if (relation == null || relation.isBlank()) {
            return "";
        }
        return textOr("relation." + relation, relation);
    }

    /** The center's own refusal text, framed by our sentence in this language (not "infcode 2005: ..."). */
    public String centerSays(long infcode, String centerText) {
        return text("center.says", centerText == null || centerText.isBlank() ? "—" : centerText.strip(), String.valueOf(infcode));
    }

    /**
     * A refusal reason as the queue records it ({@code "infcode 2005: text"}, possibly prefixed twice) framed by
     * {@link #centerSays(long, String)}; a reason of our own (no infcode) passes unchanged.
     */
    public String centerSays(String reason) {
        if (reason == null) {
            return "";
        }
        Matcher m = CENTER_REASON.matcher(reason);
        return m.matches() ? centerSays(Long.parseLong(m.group(1)), m.group(2)) : reason;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Locale locale() {
        return locale;
    }

    /** Fen as yuan with two decimals and the currency sign, the same in both languages: ¥12.50. */
    public static String yuan(long fen) {
        return "¥" + Money.formatYuan(fen);
    }

    // ------------------------------------------------ documents: fixed formats, independent of the default locale

    /** The host protocol's time format; fixed pattern, so the locale cannot change it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    /** Shown on a document where a value does not exist (no card read, not yet settled). */
    public static final String NONE = "—";

    /** A document's required text field. */
    public static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /** A document's amount: fen, never negative. */
    public static long requireFen(long fen, String name) {
        if (fen < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + fen + " fen");
        }
        return fen;
    }

    public static String time(LocalDateTime t) {
        return TIME.format(t);
    }

    public static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** {@code s}, or {@link #NONE} when it is empty. */
    public static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
