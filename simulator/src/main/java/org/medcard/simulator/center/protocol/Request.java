package org.medcard.simulator.center.protocol;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request envelope of host-protocol.md, validated. {@code sign_no} is {@code null} only for sign-in
 * (9001). {@code input} keeps the raw object; handlers read it through {@link #input()}.
 */
public record Request(String infno, String msgid, String fixmedinsCode, String devNo, String opter,
                      String signNo, String infTime, JsonNode rawInput) {

    private static final Pattern INFNO = Pattern.compile("[0-9]{4}");
    /** Institution code (12) + yyyyMMddHHmmss (14) + terminal number (2) + sequence (4). */
    private static final Pattern MSGID = Pattern.compile("[0-9A-Za-z]{12}[0-9]{20}");
    public static final String SIGN_IN = "9001";
    /** Envelope names and codes (operator, device, institution, sign_no) are short; a 7 MB opter is refused. */
    public static final int MAX_NAME = 64;
    private static final java.time.format.DateTimeFormatter MSGID_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    public Request {
        if (rawInput == null || !rawInput.isObject()) {
            throw new MalformedRequest("input", "must be a JSON object");
        }
    }

    /** Reads and validates the envelope; the {@code msgid} is read first so an answer can refer to it. */
    public static Request read(JsonNode body) {
        Fields f = new Fields(body, "");
        String msgid = f.text("msgid", MSGID, "32 characters: institution code (12), yyyyMMddHHmmss, terminal (2), sequence (4)");
        try {
            MSGID_TIME.parse(msgid.substring(12, 26));
        } catch (java.time.format.DateTimeParseException e) {
            throw f.invalid("msgid", "characters 13-26 must be a real time yyyyMMddHHmmss, got " + Fields.quote(msgid));
        }
        String infno = f.text("infno", INFNO, "a four-digit transaction code");
        String fixmedins = f.text("fixmedins_code", MAX_NAME);
        String devNo = f.text("dev_no", MAX_NAME);
        String opter = f.text("opter", MAX_NAME);
        // A terminal signing in has no sign_no yet: it may leave the field out, null or empty.
        JsonNode rawSign = body.get("sign_no");
        boolean noSignNo = rawSign == null || rawSign.isNull() || rawSign.isTextual() && rawSign.asText().isEmpty();
        String signNo = SIGN_IN.equals(infno) && noSignNo ? null : f.text("sign_no", MAX_NAME);
        String infTime = f.time("inf_time").format(Fields.TIME);
        f.object("input");
        return new Request(infno, msgid, fixmedins, devNo, opter, signNo, infTime, body.get("input"));
    }

    /**
     * The msgid of a body that may be malformed otherwise, for {@code inf_refmsgid}; {@code null} if absent or
     * not of the msgid's form (an answer never echoes arbitrary input).
     */
    public static String msgidOf(JsonNode body) {
        JsonNode m = body == null ? null : body.get("msgid");
        return m != null && m.isTextual() && MSGID.matcher(m.asText()).matches() ? m.asText() : null;
    }

    public Fields input() {
        return new Fields(rawInput, "input");
    }
}
