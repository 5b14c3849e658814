package org.medcard.terminal.center;

/**
 * The center answered, but the answer cannot be read: not JSON, no output object, or a field missing, of the
 * wrong type or out of range (named in the message). A fault under R11 like no answer at all (the terminal retries
 * or goes offline), never a guess and never a stack trace for the cashier.
 */
public class MalformedAnswer extends CenterUnreachable {
    private final String field;

    public MalformedAnswer(String infno, String field, String problem) {
        super(infno, "malformed answer: " + (field == null ? "" : "field '" + field + "' ") + problem);
        this.field = field;
    }

    /** The field that could not be read, or null when the whole answer could not. */
    public String field() {
        return field;
    }
}
