package org.medcard.simulator.center.protocol;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed, path-aware reading of one JSON object of a request. Every getter either returns a valid value
 * or throws {@link MalformedRequest} naming the field by its full path ({@code input.records[7].tac}),
 * so a terminal developer sees at once what to fix. Amounts are integer fen, never negative.
 */
public final class Fields {
    /** Dates as the protocol writes them, independent of the default locale. */
    // STRICT: 2026-02-30 is an error, not 2026-02-28 (the default SMART resolver moves it to the month's end).
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** No field of the protocol is longer (names, codes, hex); a longer string is an attack or a bug. */
    public static final int MAX_TEXT = 1024;
    /** How much of a bad value an error message quotes: enough to recognise it, never the whole input. */
    private static final int QUOTE = 40;
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");

    private final JsonNode node;
    private final String path;

    public Fields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MalformedRequest(path, "must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new MalformedRequest(at(name), "missing");
        }
        return v;
    }

    /** A required, non-blank string. */
    public String text(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw new MalformedRequest(at(name), "must be a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (v.asText().isBlank()) {
            throw new MalformedRequest(at(name), "must not be blank");
        }
        if (v.asText().length() > MAX_TEXT) {
            throw new MalformedRequest(at(name), "is " + v.asText().length() + " characters long, at most " + MAX_TEXT
                    + " are allowed");
        }
        return v.asText();
    }

    /** A required string of at most {@code maxLength} characters. */
    public String text(String name, int maxLength) {
        JsonNode raw = node.get(name);
        String v = raw != null && raw.isTextual() && raw.asText().length() > maxLength ? raw.asText() : text(name);
        if (v.length() > maxLength) {
            throw new MalformedRequest(at(name), "is " + v.length() + " characters long, at most " + maxLength
                    + " are allowed");
        }
        return v;
    }

    /** {@code v} in quotes for an error message, cut to {@value #QUOTE} characters: answers never echo big input. */
    public static String quote(String v) {
        return v.length() <= QUOTE ? "\"" + v + "\"" : "\"" + v.substring(0, QUOTE) + "…\" (" + v.length() + " characters)";
    }

    public Optional<String> optText(String name) {
        return has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    /** A required string of exactly {@code length} characters matching {@code what}. */
    public String text(String name, Pattern pattern, String what) {
        String v = text(name);
        if (!pattern.matcher(v).matches()) {
            throw new MalformedRequest(at(name), "must be " + what + ", got " + quote(v));
        }
        return v;
    }

    /** A required string of exactly {@code digits} hex digits, returned upper case. */
    public String hex(String name, int digits) {
        String v = text(name);
        if (v.length() != digits || !HEX.matcher(v).matches()) {
            throw new MalformedRequest(at(name), "must be " + digits + " hex digits, got " + quote(v));
        }
        return v.toUpperCase(java.util.Locale.ROOT);
    }

    /** A required integer within [{@code min}, {@code max}]. */
    public long integer(String name, long min, long max) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new MalformedRequest(at(name), "must be an integer, got " + describe(v));
        }
        long value = v.asLong();
        if (value < min) {
            throw new MalformedRequest(at(name), value < 0 ? "must not be negative, got " + value : "must be at least " + min + ", got " + value);
        }
        if (value > max) {
            throw new MalformedRequest(at(name), "must be at most " + max + ", got " + value);
        }
        return value;
    }

    /** A required amount in fen: an integer, not negative. */
    public long amount(String name) {
        return integer(name, 0, 0xFFFF_FFFFL);
    }

    public Optional<Long> optInteger(String name, long min, long max) {
        return has(name) ? Optional.of(integer(name, min, max)) : Optional.empty();
    }

    public boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw new MalformedRequest(at(name), "must be true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    public LocalDate date(String name) {
        String v = text(name);
        try {
            return LocalDate.parse(v, DATE);
        } catch (DateTimeParseException e) {
            throw new MalformedRequest(at(name), "must be a date yyyy-MM-dd, got " + quote(v));
        }
    }

    public LocalDateTime time(String name) {
        String v = text(name);
        try {
            return LocalDateTime.parse(v, TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedRequest(at(name), "must be a time yyyy-MM-dd HH:mm:ss, got " + quote(v));
        }
    }

    public Fields object(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) {
            throw new MalformedRequest(at(name), "must be a JSON object, got " + describe(v));
        }
        return new Fields(v, at(name));
    }

    public Optional<Fields> optObject(String name) {
        return has(name) ? Optional.of(object(name)) : Optional.empty();
    }

    /** A required array of objects with 1..{@code maxSize} elements. */
    public List<Fields> objects(String name, int maxSize) {
        JsonNode v = required(name);
        if (!v.isArray()) {
            throw new MalformedRequest(at(name), "must be a JSON array, got " + describe(v));
        }
        if (v.isEmpty()) {
            throw new MalformedRequest(at(name), "must not be empty");
        }
        if (v.size() > maxSize) {
            throw new MalformedRequest(at(name), "has " + v.size() + " elements, at most " + maxSize + " are allowed");
        }
        List<Fields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(new Fields(v.get(i), at(name) + "[" + i + "]"));
        }
        return out;
    }

    /** A refusal of this field's value that is not a matter of form (e.g. an unknown code). */
    public MalformedRequest invalid(String name, String problem) {
        return new MalformedRequest(at(name), problem);
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "string " + quote(v.asText());
        }
        String shown = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (shown.length() <= QUOTE ? shown : shown.substring(0, QUOTE) + "… (" + shown.length() + " characters)");
    }
}
