package org.medcard.terminal.cli;

/** Fen as yuan text, {@code 1286.50}, without the default locale (tests run under zh_CN). */
final class Yuan {
    private Yuan() {
    }

    static String format(long fen) {
        if (fen < 0) {
            return fen == -1 ? "unknown" : "-" + format(-fen);
        }
        return (fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + (fen % 100);
    }
}
