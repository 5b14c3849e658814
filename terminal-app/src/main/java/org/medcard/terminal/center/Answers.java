package org.medcard.terminal.center;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads fields of a center answer, turning anything missing or mistyped into a {@link MalformedAnswer}
 * that names the field: an answer we cannot read is a fault (retry or go offline), never a guess.
 */
final class Answers {
    private final String infno;
    private final JsonNode node;

    Answers(String infno, JsonNode node) {
        this.infno = infno;
        this.node = node;
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw malformed(field, "a string");
        }
        return v.asText();
    }

    String optionalText(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    long fen(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw malformed(field, "a whole number of fen");
        }
        long value = v.asLong();
        if (value < 0) {
            throw malformed(field, "not negative");
        }
        return value;
    }

    long optionalLong(String field, long fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : fen(field);
    }

    /** A field the center may leave out: empty then (not a made-up number); present, it must be whole fen. */
    OptionalLong optionalFen(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? OptionalLong.empty() : OptionalLong.of(fen(field));
    }

    boolean bool(String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    LocalDate optionalDate(String field) {
        String s = optionalText(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw malformed(field, "a date yyyy-MM-dd");
        }
    }

    /** A ratio 0–1 written as a JSON number or string, as basis points, exactly. */
    int ratioBasisPoints(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        try {
            BigDecimal ratio = new BigDecimal(v.asText());
            if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                // Checked before scaling: "1E+100000000" would make movePointRight compute 10^100000000 and hang
                // the terminal (found by fuzzing).
                throw new ArithmeticException("out of 0..1");
            }
            return ratio.movePointRight(4).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(field, "a ratio between 0 and 1 with at most 4 decimals");
        }
    }

    JsonNode array(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw malformed(field, "a list");
        }
        return v;
    }

    Answers child(JsonNode element) {
        return new Answers(infno, element);
    }

    JsonNode node() {
        return node;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A whole number that may be negative (a counter), or {@code fallback} when absent. */
    long optionalInteger(String field, long fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw malformed(field, "a whole number");
        }
        return v.asLong();
    }

    /** A JSON boolean, or {@code fallback} when absent. */
    boolean optionalBool(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw malformed(field, "true or false");
        }
        return v.booleanValue();
    }

    MalformedAnswer malformed(String field, String expected) {
        return new MalformedAnswer(infno, field, "should be " + expected);
    }
}
