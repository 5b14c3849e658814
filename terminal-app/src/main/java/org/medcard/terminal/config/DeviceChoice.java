package org.medcard.terminal.config;

/**
 * Which device to use for the card or the PSAM, as written in the configuration:
 * {@code simulator}, {@code pcsc:READER NAME}, {@code serial:/dev/ttyUSB0} (serial slot 0 for the card,
 * slot 1 for the PSAM), or, for the PSAM only, {@code soft:/path/to/keyfile}.
 */
public record DeviceChoice(Kind kind, String target) {

    public enum Kind {
        SIMULATOR,
        PCSC,
        SERIAL,
        SOFT_PSAM
    }

    public DeviceChoice {
        if (kind == null) {
            throw new IllegalArgumentException("device kind missing");
        }
        target = target == null ? "" : target.trim();
        if (kind != Kind.SIMULATOR && target.isEmpty()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + ": needs a reader name or path after the colon");
        }
    }

    public static DeviceChoice simulator() {
        return new DeviceChoice(Kind.SIMULATOR, "");
    }

    /** Parses the configuration form; {@code allowSoft} is true for the PSAM. */
    public static DeviceChoice parse(String text, boolean allowSoft) {
        String t = text.trim();
        if (t.equalsIgnoreCase("simulator")) {
            return simulator();
        }
        int colon = t.indexOf(':');
        String prefix = colon < 0 ? "" : t.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = colon < 0 ? "" : t.substring(colon + 1);
        switch (prefix) {
            case "pcsc":
                return new DeviceChoice(Kind.PCSC, rest);
            case "serial":
                return new DeviceChoice(Kind.SERIAL, rest);
            case "soft":
                if (allowSoft) {
                    return new DeviceChoice(Kind.SOFT_PSAM, rest);
                }
                throw new IllegalArgumentException("'soft:' is only for the PSAM");
            default:
                throw new IllegalArgumentException("'" + t + "' is not simulator, pcsc:NAME, serial:PATH"
                        + (allowSoft ? " or soft:KEYFILE" : ""));
        }
    }

    /** Whether this choice makes the terminal a training terminal (TRAINING MODE on screens and receipts). */
    public boolean isTraining() {
        return kind == Kind.SIMULATOR || kind == Kind.SOFT_PSAM;
    }

    @Override
    public String toString() {
        return kind == Kind.SIMULATOR ? "simulator" : kind.name().toLowerCase(java.util.Locale.ROOT).replace("_psam", "") + ":" + target;
    }
}
