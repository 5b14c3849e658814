package org.medcard.simulator.center.protocol;

/**
 * The request cannot be understood: malformed JSON, a missing or mistyped field, a value out of range.
 * Answered with {@code infcode -1}; the message starts with the field's path ({@code input.items[2].qty}).
 * Such answers are not stored under the {@code msgid}: the terminal fixes the request and resends.
 */
public final class MalformedRequest extends RuntimeException {
    private final String field;

    public MalformedRequest(String field, String problem) {
        super(field == null ? problem : field + ": " + problem, null, false, false);
        this.field = field;
    }

    /** The path of the offending field, or {@code null} when the whole body is unreadable. */
    public String field() {
        return field;
    }
}
